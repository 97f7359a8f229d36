package io.resourcemanager.allocation;

import io.micronaut.runtime.Micronaut;

/** Entry point of the allocation service. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
