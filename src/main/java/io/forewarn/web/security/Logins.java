package io.forewarn.web.security;

import io.forewarn.server.ServerSettings;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The logins in force ({@code forewarn.users}). They start as the settings say and may be replaced while the
 * server runs ({@link LoginsFile} reads the settings file again when it changes); each login that changed,
 * came or went is then announced to the listeners, which forget what they knew of it.
 */
public final class Logins {

    private volatile Map<String, Login> byName;
    private final List<Consumer<String>> changed = new CopyOnWriteArrayList<>();

    Logins(List<ServerSettings.User> users) {
        this.byName = index(users);
    }

    Optional<Login> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether {@code login} is still exactly a login in force: same name, hash and roles. */
    boolean current(Login login) {
        return login.equals(byName.get(login.name()));
    }

    List<Login> all() {
        return List.copyOf(byName.values());
    }

    /** Calls {@code listener} with the name of each login that changed, came or went. */
    void onChange(Consumer<String> listener) {
        changed.add(listener);
    }

    /**
     * Puts these users in force, all or none (a bad entry throws and changes nothing); returns the names
     * of the logins that changed, came or went.
     */
    synchronized Set<String> replace(List<ServerSettings.User> users) {
        Map<String, Login> next = index(users);
        Map<String, Login> before = byName;
        Set<String> names = new HashSet<>(before.keySet());
        names.addAll(next.keySet());
        names.removeIf(name -> Objects.equals(before.get(name), next.get(name)));
        byName = next;
        for (String name : names) {
            changed.forEach(listener -> listener.accept(name));
        }
        return names;
    }

    private static Map<String, Login> index(List<ServerSettings.User> users) {
        Map<String, Login> byName = new LinkedHashMap<>();
        for (ServerSettings.User user : users) {
            Login login = Login.of(user);
            if (byName.put(login.name(), login) != null) {
                throw new IllegalArgumentException("forewarn.users: the login '" + login.name() + "' is listed twice");
            }
        }
        return Map.copyOf(byName);
    }
}
