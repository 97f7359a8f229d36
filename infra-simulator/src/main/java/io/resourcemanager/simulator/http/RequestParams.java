package io.resourcemanager.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.resourcemanager.simulator.support.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses query strings, form-encoded bodies and flat JSON bodies into one parameter map. */
final class RequestParams {

    private RequestParams() {
    }

    /** Query parameters first, then body fields, which override them. */
    static Map<String, String> parse(String rawQuery, String contentType, byte[] body) throws ApiException {
        Map<String, String> params = new LinkedHashMap<>(formDecode(rawQuery));
        if (body.length == 0) {
            return params;
        }
        if (contentType != null && contentType.toLowerCase().contains("json")) {
            params.putAll(jsonFields(body));
        } else {
            params.putAll(formDecode(new String(body, StandardCharsets.UTF_8)));
        }
        return params;
    }

    private static Map<String, String> formDecode(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static Map<String, String> jsonFields(byte[] body) throws ApiException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new ApiException(400, "malformed JSON body: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(400, "JSON body must be an object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> values.put(field.getKey(), scalar(field.getValue())));
        return values;
    }

    private static String scalar(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "1" : "0";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
