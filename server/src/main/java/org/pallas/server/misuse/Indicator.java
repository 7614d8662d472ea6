package org.pallas.server.misuse;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One indicator of compromise, normalised so that the same domain, address, hash or process name compares equal
 * whoever wrote it: domains in lower-case ASCII (IDN) without a trailing dot, addresses in their canonical form,
 * hashes in lower-case hex, e-mail addresses in lower case; process names and paths as written.
 */
record Indicator(Kind kind, String value) {

    static final int MAX_VALUE = 500;

    enum Kind {
        DOMAIN,
        IP,
        SHA256,
        SHA1,
        MD5,
        PROCESS,
        EMAIL,
        URL,
        FILE_NAME,
        FILE_PATH,
        OTHER
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    /**
     * The indicator an equality comparison of a STIX pattern names ({@code domain-name:value = 'x'}), or empty when
     * the value is no valid instance of its kind (an address that is not one).
     */
    static Optional<Indicator> of(String objectType, String property, String raw) {
        String value = raw.strip();
        if (value.isEmpty() || value.length() > MAX_VALUE) {
            return Optional.empty();
        }
        String path = objectType + ":" + property;
        return switch (path) {
            // Some published files put IP addresses in domain-name:value (Amnesty's NoviSpy file).
            case "domain-name:value" -> isAddress(value) ? ip(value) : domain(value);
            case "ipv4-addr:value", "ipv6-addr:value" -> ip(value);
            case "process:name" -> Optional.of(new Indicator(Kind.PROCESS, value));
            case "email-addr:value" -> Optional.of(new Indicator(Kind.EMAIL, value.toLowerCase(Locale.ROOT)));
            case "url:value" -> Optional.of(new Indicator(Kind.URL, value));
            case "file:name" -> Optional.of(new Indicator(Kind.FILE_NAME, value));
            case "file:path" -> Optional.of(new Indicator(Kind.FILE_PATH, value));
            default ->
                objectType.equals("file") && property.startsWith("hashes.")
                        ? hash(property, value)
                        : Optional.of(new Indicator(Kind.OTHER, path + "=" + value));
        };
    }

    /** A known hash in lower-case hex (empty when the value is no such hash); another algorithm as written. */
    private static Optional<Indicator> hash(String property, String value) {
        String algorithm = property.substring("hashes.".length())
                .replace("'", "")
                .replace("-", "")
                .toLowerCase(Locale.ROOT);
        String hex = value.toLowerCase(Locale.ROOT);
        Kind kind = switch (algorithm) {
            case "sha256" -> Kind.SHA256;
            case "sha1" -> Kind.SHA1;
            case "md5" -> Kind.MD5;
            default -> null;
        };
        if (kind == null) {
            return Optional.of(new Indicator(Kind.OTHER, "file:" + property + "=" + value));
        }
        int length = kind == Kind.SHA256 ? 64 : kind == Kind.SHA1 ? 40 : 32;
        if (hex.length() != length || !HEX.matcher(hex).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Indicator(kind, hex));
    }

    private static Optional<Indicator> domain(String value) {
        String name = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
        try {
            String ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            return ascii.isEmpty() ? Optional.empty() : Optional.of(new Indicator(Kind.DOMAIN, ascii));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isAddress(String value) {
        return IPV4.matcher(value).matches()
                || (value.contains(":") && IPV6.matcher(value).matches());
    }

    /** A literal address only: the pattern checks come first, so InetAddress never resolves a name. */
    private static Optional<Indicator> ip(String value) {
        String address = value.contains("/") ? value.substring(0, value.indexOf('/')) : value;
        if (!isAddress(address)) {
            return Optional.empty();
        }
        if (IPV4.matcher(address).matches()) {
            for (String part : address.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            return Optional.of(new Indicator(
                    Kind.IP, InetAddress.getByName(address).getHostAddress().toLowerCase(Locale.ROOT)));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
