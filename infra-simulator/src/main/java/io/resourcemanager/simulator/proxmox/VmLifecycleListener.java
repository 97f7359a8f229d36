package io.resourcemanager.simulator.proxmox;

/**
 * What the guest inside a VM notices: it finished booting, or it lost power. Called while the
 * Proxmox state is locked, so implementations must only record or schedule work, never block.
 */
public interface VmLifecycleListener {

    /** A listener that ignores everything. */
    VmLifecycleListener NONE = new VmLifecycleListener() {
        @Override
        public void guestBooted(VmSnapshot vm) {
        }

        @Override
        public void poweredOff(VmSnapshot vm) {
        }
    };

    /** The guest OS of a running VM has finished booting. */
    void guestBooted(VmSnapshot vm);

    /** A VM stopped (shutdown or hard stop). */
    void poweredOff(VmSnapshot vm);
}
