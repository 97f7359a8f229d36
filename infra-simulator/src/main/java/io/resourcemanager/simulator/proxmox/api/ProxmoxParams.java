package io.resourcemanager.simulator.proxmox.api;

import io.resourcemanager.simulator.http.ApiRequest;
import io.resourcemanager.simulator.proxmox.ParamFormats;
import io.resourcemanager.simulator.proxmox.ProxmoxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Typed access to the parameters of one Proxmox API call, refusing bad ones as Proxmox does. */
final class ProxmoxParams {

    static final long MAX_VMID = 999_999_999L;
    static final long MIN_VMID = 100L;

    private final Map<String, String> values;

    private ProxmoxParams(Map<String, String> values) {
        this.values = values;
    }

    /** The request's parameters; any name outside {@code allowed} is refused. */
    static ProxmoxParams of(ApiRequest request, Set<String> allowed) throws ProxmoxException {
        Map<String, String> errors = new LinkedHashMap<>();
        request.params().keySet().stream().filter(name -> !allowed.contains(name))
                .forEach(name -> errors.put(name, ParamFormats.NOT_IN_SCHEMA));
        if (!errors.isEmpty()) {
            throw ProxmoxException.invalidParameters(errors);
        }
        return new ProxmoxParams(request.params());
    }

    /** The request's parameters, for endpoints whose names are validated further down. */
    static ProxmoxParams checkedDownstream(ApiRequest request) {
        return new ProxmoxParams(request.params());
    }

    /** The {@code {vmid}} path parameter. */
    static int vmid(ApiRequest request) throws ProxmoxException {
        return (int) parseInteger("vmid", request.pathParam("vmid"), MIN_VMID, MAX_VMID);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    long requiredInteger(String name, long min, long max) throws ProxmoxException {
        String value = values.get(name);
        if (value == null) {
            throw ProxmoxException.invalidParameter(name, ParamFormats.MISSING);
        }
        return parseInteger(name, value, min, max);
    }

    Optional<Long> integer(String name, long min, long max) throws ProxmoxException {
        String value = values.get(name);
        return value == null ? Optional.empty() : Optional.of(parseInteger(name, value, min, max));
    }

    boolean bool(String name, boolean defaultValue) throws ProxmoxException {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return "1".equals(ParamFormats.bool(value));
        } catch (IllegalArgumentException e) {
            throw ProxmoxException.invalidParameter(name, e.getMessage());
        }
    }

    /** All parameters except {@code excluded}. */
    Map<String, String> without(Set<String> excluded) {
        Map<String, String> rest = new LinkedHashMap<>(values);
        rest.keySet().removeAll(excluded);
        return rest;
    }

    private static long parseInteger(String name, String value, long min, long max) throws ProxmoxException {
        try {
            return ParamFormats.integer(value, min, max);
        } catch (IllegalArgumentException e) {
            throw ProxmoxException.invalidParameter(name, e.getMessage());
        }
    }
}
