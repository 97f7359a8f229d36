package io.resourcemanager.cost.domain;

/** Rules for measured usage quantities. */
public final class UsageQuantity {

    private UsageQuantity() {
    }

    /** A quantity can be added to a total when it is a finite number and not negative. */
    public static boolean isValid(double quantity) {
        return Double.isFinite(quantity) && quantity >= 0;
    }
}
