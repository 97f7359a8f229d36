package io.resourcemanager.provisioner.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.bind.annotation.Bindable;
import io.resourcemanager.provisioner.domain.TemplateSpec;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;

/** One template: {@code rm.provisioner.templates.<name>.*} (defaults in application.yml follow SPEC §3). */
@EachProperty("rm.provisioner.templates")
public record TemplateProperties(@Parameter String name,
                                 @Min(100) int templateVmId,
                                 @Min(1) int cores,
                                 @Min(1) long memoryMb,
                                 @Min(1) int diskGb,
                                 @Min(1) long allocatableCpuMillis,
                                 @Min(1) long allocatableMemoryMb,
                                 @Min(1) int maxPods,
                                 @Bindable(defaultValue = "0") @Min(0) int gpus,
                                 BigDecimal pricePerHour) {

    TemplateSpec toSpec() {
        return new TemplateSpec(name, templateVmId, cores, memoryMb, diskGb, allocatableCpuMillis, allocatableMemoryMb,
                maxPods, gpus, pricePerHour);
    }
}
