package io.resourcemanager.simulator.http;

/** How a family of endpoints shapes its JSON bodies (Proxmox wraps everything in {@code data}). */
public interface ResponseStyle {

    /** The body of a successful response carrying {@code payload}. */
    Object success(Object payload);

    /** The body of a refused request. */
    Object failure(ApiException refusal);

    /** The refusal for a method and path no route answers. */
    ApiException noRoute(String method, String path);
}
