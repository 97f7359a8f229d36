package io.resourcemanager.simulator.proxmox.api;

import io.resourcemanager.simulator.http.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The refusal Proxmox gives a token without privileges: 403 {@code Permission check failed (<acl path>,
 * <privilege>)}, naming the ACL path and the privilege the call needs.
 */
final class Privileges {

    private static final Pattern VM_PATH = Pattern.compile("/nodes/[^/]+/qemu/(\\d+)(/.*)?");
    private static final Pattern NODE_PATH = Pattern.compile("/nodes/([^/]+)(/.*)?");

    private Privileges() {
    }

    /** The 403 for {@code method} on {@code path} (below {@code /api2/json}). */
    static ApiException refused(String method, String path) {
        Matcher vm = VM_PATH.matcher(path);
        if (vm.matches()) {
            return permissionCheckFailed("/vms/" + vm.group(1), vmPrivilege(method, vm.group(2)));
        }
        Matcher node = NODE_PATH.matcher(path);
        if (node.matches()) {
            return permissionCheckFailed("/nodes/" + node.group(1), "Sys.Audit");
        }
        return permissionCheckFailed("/", "Sys.Audit");
    }

    private static String vmPrivilege(String method, String rest) {
        String action = rest == null ? "" : rest;
        if (action.equals("/clone")) {
            return "VM.Clone";
        }
        if (action.startsWith("/status/") && !method.equals("GET")) {
            return "VM.PowerMgmt";
        }
        if (action.equals("/config") && !method.equals("GET")) {
            return "VM.Config.Options";
        }
        if (action.isEmpty() && method.equals("DELETE")) {
            return "VM.Allocate";
        }
        return "VM.Audit";
    }

    private static ApiException permissionCheckFailed(String acl, String privilege) {
        return new ApiException(403, "Permission check failed (" + acl + ", " + privilege + ")");
    }
}
