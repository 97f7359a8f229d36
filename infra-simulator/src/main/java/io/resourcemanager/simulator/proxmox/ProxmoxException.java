package io.resourcemanager.simulator.proxmox;

import io.resourcemanager.simulator.http.ApiException;
import java.util.Map;

/** A refusal worded and coded the way Proxmox VE words and codes it. */
public final class ProxmoxException extends ApiException {

    private static final long serialVersionUID = 1L;

    private ProxmoxException(int status, String message, Map<String, String> errors) {
        super(status, message, errors);
    }

    /** 500 with Proxmox's message, as for most failed API calls. */
    public static ProxmoxException failed(String message) {
        return new ProxmoxException(500, message, Map.of());
    }

    /** 400 "Parameter verification failed." with reasons keyed by parameter. */
    public static ProxmoxException invalidParameters(Map<String, String> errors) {
        return new ProxmoxException(400, "Parameter verification failed.", errors);
    }

    /** 400 for one invalid parameter. */
    public static ProxmoxException invalidParameter(String name, String reason) {
        return invalidParameters(Map.of(name, reason));
    }

    /** The error Proxmox raises for a VM id without configuration on the node. */
    public static ProxmoxException noSuchVm(String node, int vmid) {
        return failed("Configuration file 'nodes/" + node + "/qemu-server/" + vmid + ".conf' does not exist");
    }

    /** The error Proxmox raises for a node that is not part of the cluster. */
    public static ProxmoxException noSuchNode(String node) {
        return failed("no such cluster node '" + node + "'");
    }
}
