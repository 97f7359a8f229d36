package io.resourcemanager.cost.api;

import io.resourcemanager.cost.domain.Cost;
import io.resourcemanager.cost.domain.Rollup;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** JSON shapes of costs: dollars at internal and external rates, idle dollars, tokens and usage. */
final class CostViews {

    private CostViews() {
    }

    static Map<String, Object> rollup(Rollup rollup) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("dimension", rollup.dimension().type());
        view.put("value", rollup.dimension().value());
        view.put("window_start", rollup.start().toString());
        view.put("window_end", rollup.end().toString());
        view.putAll(cost(rollup.cost()));
        return view;
    }

    static Map<String, Object> cost(Cost cost) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("internal_usd", Cost.dollars(cost.internalMicros()));
        view.put("external_usd", Cost.dollars(cost.externalMicros()));
        view.put("idle_usd", Cost.dollars(cost.idleMicros()));
        view.put("tokens", cost.tokens());
        view.put("usage", new TreeMap<>(cost.usage()));
        return view;
    }

    static Map<String, Object> error(String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return body;
    }
}
