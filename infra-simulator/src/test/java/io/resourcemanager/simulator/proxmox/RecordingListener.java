package io.resourcemanager.simulator.proxmox;

import java.util.ArrayList;
import java.util.List;

/** Records lifecycle events as {@code booted:<vmid>} and {@code off:<vmid>}. */
final class RecordingListener implements VmLifecycleListener {

    final List<String> events = new ArrayList<>();

    @Override
    public void guestBooted(VmSnapshot vm) {
        events.add("booted:" + vm.vmid());
    }

    @Override
    public void poweredOff(VmSnapshot vm) {
        events.add("off:" + vm.vmid());
    }
}
