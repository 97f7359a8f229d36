package io.resourcemanager.cost.domain.budget;

/** What a budget limits. */
public enum BudgetUnit {
    /** Millionths of a US dollar at internal rates. */
    MICRO_USD,
    TOKENS
}
