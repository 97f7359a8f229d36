package io.resourcemanager.provisioner;

import io.micronaut.runtime.Micronaut;

/** Entry point of the provisioner service. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
