package io.resourcemanager.cost.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.resourcemanager.cost.domain.budget.Budget;
import io.resourcemanager.cost.domain.budget.SpecBudgets;
import io.resourcemanager.cost.domain.budget.Thresholds;
import io.resourcemanager.cost.domain.pricing.PriceBook;
import io.resourcemanager.cost.domain.pricing.TokenPrice;
import io.resourcemanager.cost.topology.CostSettings;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cost settings: SPEC §8 defaults with the configured rates, prices and budgets laid over them. */
@Factory
class CostSettingsFactory {

    @Singleton
    CostSettings costSettings(CostProperties properties, List<TemplatePriceProperties> templates,
                              List<ModelPriceProperties> models, List<BudgetProperties> budgets) {
        try {
            PriceBook spec = PriceBook.spec();
            Map<String, BigDecimal> templatePrices = new LinkedHashMap<>(spec.templatePerHour());
            templates.forEach(template -> templatePrices.put(template.name(), template.pricePerHour()));
            Map<String, TokenPrice> modelPrices = new LinkedHashMap<>(spec.models());
            models.forEach(model -> modelPrices.put(model.name(), model.toPrice()));
            PriceBook prices = new PriceBook(templatePrices, properties.spotDiscount(), properties.coreHour(),
                    properties.gbHour(), properties.gpuHour(), modelPrices, properties.computeMarkup(),
                    properties.tokenMarkup());
            Map<String, Budget> allBudgets = new LinkedHashMap<>(SpecBudgets.all());
            for (BudgetProperties budget : budgets) {
                if (budget.enabled()) {
                    allBudgets.put(budget.name(), budget.toBudget(allBudgets.get(budget.name())));
                } else {
                    allBudgets.remove(budget.name());
                }
            }
            return new CostSettings(prices, new HashSet<>(properties.spotPools()), allBudgets,
                    new Thresholds(properties.thresholds()), new HashSet<>(properties.anomalyDimensions()),
                    properties.fallbackTemplate(), properties.accrualInterval(), properties.flushInterval(), properties.rolloverCheck(),
                    properties.hourlyRetention());
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationException("Invalid cost settings: " + invalid.getMessage(), invalid);
        }
    }
}
