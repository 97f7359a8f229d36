package io.resourcemanager.simulator.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.CrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads and deletes on the mock API server's CRUD store, in process: what a subresource handler
 * needs without a round trip through HTTP (handlers run on the server's event loop and must not block on it).
 * Deletes go through the store's own handling, so watches see them.
 */
final class ObjectStore {

    private final CrudDispatcher store;

    ObjectStore(CrudDispatcher store) {
        this.store = store;
    }

    /** The object at {@code path}, if stored. */
    <T extends KubernetesResource> Optional<T> get(String path, Class<T> type) {
        MockResponse response = store.handleGet(path);
        if (response.code() == HttpURLConnection.HTTP_NOT_FOUND) {
            return Optional.empty();
        }
        return Optional.of(Serialization.unmarshal(body(response, path), type));
    }

    /** The items of the list at {@code path} (empty when nothing is stored there). */
    <T extends HasMetadata, L extends KubernetesResourceList<T>> List<T> list(String path, Class<L> type) {
        MockResponse response = store.handleGet(path);
        if (response.code() == HttpURLConnection.HTTP_NOT_FOUND) {
            return List.of();
        }
        List<T> items = Serialization.unmarshal(body(response, path), type).getItems();
        return items == null ? List.of() : items;
    }

    /** Deletes the object at {@code path}; false when it was not there. */
    boolean delete(String path) {
        int code = store.handleDelete(path).code();
        if (code >= 300 && code != HttpURLConnection.HTTP_NOT_FOUND) {
            throw new IllegalStateException("Store refused to delete " + path + ": HTTP " + code);
        }
        return code != HttpURLConnection.HTTP_NOT_FOUND;
    }

    private static String body(MockResponse response, String path) {
        if (response.code() >= 300) {
            throw new IllegalStateException("Store could not read " + path + ": HTTP " + response.code());
        }
        return response.getBody().readUtf8();
    }
}
