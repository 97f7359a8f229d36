package io.resourcemanager.cost.domain.metering;

import io.resourcemanager.cost.domain.Charge;
import java.util.Objects;

/** Usage priced, or refused with the reason (negative quantities, unknown model, missing dimension). */
public record PricedUsage(Charge charge, String refusal) {

    public PricedUsage {
        if ((charge == null) == (refusal == null)) {
            throw new IllegalArgumentException("Either a charge or a refusal");
        }
    }

    static PricedUsage of(Charge charge) {
        return new PricedUsage(Objects.requireNonNull(charge), null);
    }

    static PricedUsage refused(String reason) {
        return new PricedUsage(null, Objects.requireNonNull(reason));
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
