package io.resourcemanager.provisioner.adapter.proxmox;

import io.micronaut.json.tree.JsonNode;
import io.resourcemanager.provisioner.domain.infra.InfraException;

/**
 * An answer of the Proxmox API that repeating the request would not change: a success, or a definite
 * refusal (bad token, missing rights, invalid parameter, a VM that does not exist or already exists).
 * Retriable failures never become answers; {@link ProxmoxApi} throws them.
 *
 * @param request the request answered
 * @param status HTTP status
 * @param data the {@code data} member of a success, or JSON null
 * @param message Proxmox's reason for a refusal (status line or {@code message}, with per-parameter errors)
 */
record ProxmoxAnswer(ProxmoxRequest request, int status, JsonNode data, String message) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    /** A refusal because the VM (or template) in the path does not exist on the node. */
    boolean noSuchVm() {
        return !ok() && ProxmoxErrors.saysNoSuchVm(status, message);
    }

    /** A clone refused because the new id is taken. */
    boolean idTaken() {
        return !ok() && ProxmoxErrors.saysAlreadyExists(message);
    }

    /**
     * The data of a success.
     *
     * @throws InfraException.Permanent describing the refusal, for any other answer
     */
    JsonNode data(String operation) {
        if (!ok()) {
            throw refusal(operation);
        }
        return data;
    }

    /** The refusal as the exception callers get. */
    InfraException.Permanent refusal(String operation) {
        return new InfraException.Permanent(operation + " refused by Proxmox (" + request + " -> " + status + "): "
                + message);
    }
}
