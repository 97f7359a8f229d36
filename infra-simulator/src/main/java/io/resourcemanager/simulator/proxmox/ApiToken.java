package io.resourcemanager.simulator.proxmox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Proxmox API token {@code <user>@<realm>!<tokenid>=<secret>}, sent by clients as
 * {@code Authorization: PVEAPIToken=<token>}.
 *
 * @param user user name, for example {@code root}
 * @param realm authentication realm, for example {@code pam}
 * @param tokenId token id, for example {@code resource-manager}
 * @param secret token secret
 */
public record ApiToken(String user, String realm, String tokenId, String secret) {

    /** The token accepted when none is configured. */
    public static final String DEFAULT = "root@pam!resource-manager=simulator-secret";
    /** The token without privileges accepted when none is configured (privilege separation, no ACL entries). */
    public static final String NO_RIGHTS_DEFAULT = "root@pam!no-rights=simulator-no-rights";

    private static final String SCHEME = "PVEAPIToken=";
    private static final Pattern FORMAT = Pattern.compile("([^@!=\\s]+)@([^@!=\\s]+)!([^@!=\\s]+)=(\\S+)");

    /**
     * Parses {@code user@realm!tokenid=secret}.
     *
     * @throws IllegalArgumentException when the value has another shape
     */
    public static ApiToken parse(String value) {
        Matcher matcher = FORMAT.matcher(value == null ? "" : value.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("API token must look like user@realm!tokenid=secret");
        }
        return new ApiToken(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4));
    }

    /** The token's identity, {@code user@realm!tokenid}, as it appears in task UPIDs. */
    public String principal() {
        return user + "@" + realm + "!" + tokenId;
    }

    /** The full token, {@code user@realm!tokenid=secret}. */
    public String value() {
        return principal() + "=" + secret;
    }

    /** True when {@code authorization} is this token in the PVEAPIToken scheme (compared in constant time). */
    public boolean acceptsHeader(String authorization) {
        if (authorization == null || !authorization.startsWith(SCHEME)) {
            return false;
        }
        byte[] presented = authorization.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, value().getBytes(StandardCharsets.UTF_8));
    }
}
