package io.resourcemanager.provisioner.testing;

/**
 * The process died right after a call took effect. Deliberately not an
 * {@link io.resourcemanager.provisioner.domain.infra.InfraException}: no retry or compensation may
 * catch it, so a test can prove that a saga resumed from its last recorded step finishes the work
 * without doing anything twice.
 */
public final class SimulatedCrash extends RuntimeException {

    public SimulatedCrash(String call) {
        super("simulated crash after " + call);
    }
}
