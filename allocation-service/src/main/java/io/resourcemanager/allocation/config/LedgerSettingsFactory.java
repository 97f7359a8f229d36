package io.resourcemanager.allocation.config;

import io.micronaut.context.annotation.Factory;
import io.resourcemanager.allocation.domain.DivisionPolicies;
import io.resourcemanager.allocation.domain.LedgerSettings;
import io.resourcemanager.allocation.domain.Quota;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The ledger's settings, from {@code rm.allocation.*}, its quotas and its reservations. */
@Factory
class LedgerSettingsFactory {

    @Singleton
    LedgerSettings ledgerSettings(AllocationProperties properties, List<QuotaProperties> quotas,
                                  List<ReservationProperties> reservations) {
        Map<String, Quota> byDivision = quotas.stream().map(QuotaProperties::toQuota)
                .collect(Collectors.toMap(Quota::division, Function.identity()));
        return properties.ledgerSettings(new DivisionPolicies(byDivision,
                reservations.stream().map(ReservationProperties::toReservation).toList()));
    }
}
