package io.resourcemanager.allocation.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.resourcemanager.allocation.domain.Reservation;
import io.resourcemanager.allocation.domain.Resources;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.LocalTime;

/**
 * Capacity held for one division: {@code rm.allocation.reservations.<name>.*}.
 *
 * @param name reservation name
 * @param owner division it is held for
 * @param cpu CPU cores held
 * @param memory memory in MB held
 * @param gpu GPUs held
 * @param window daily UTC window {@code HH:mm-HH:mm} (for example {@code 22:00-06:00}); absent: always
 */
@EachProperty("rm.allocation.reservations")
public record ReservationProperties(@Parameter String name,
                                    @NotBlank String owner,
                                    @DecimalMin("0") double cpu,
                                    @Min(0) long memory,
                                    @Bindable(defaultValue = "0") @Min(0) int gpu,
                                    @Nullable @Pattern(regexp = "\\d{2}:\\d{2}-\\d{2}:\\d{2}") String window) {

    Reservation toReservation() {
        Resources reserved = new Resources(Math.round(cpu * 1000), memory, gpu);
        if (window == null) {
            return new Reservation(name, owner, reserved, null, null);
        }
        String[] ends = window.split("-");
        return new Reservation(name, owner, reserved, LocalTime.parse(ends[0]), LocalTime.parse(ends[1]));
    }
}
