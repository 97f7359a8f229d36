package io.resourcemanager.allocation;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Entry point of the allocation service. */
@OpenAPIDefinition(info = @Info(title = "allocation-service", version = "1.0",
        description = "Resource Manager allocation API: request, release, inspect allocations and capacity"))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
