package io.newsflow.ingest.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Guards against server-side request forgery: a feed URL (and every redirect) must be http or https and resolve only
 * to public addresses, unless its host is allow-listed. Refused: loopback, private (RFC 1918, IPv6 unique local),
 * link-local (which includes the cloud metadata address 169.254.169.254), carrier-grade NAT, multicast and the
 * unspecified address.
 *
 * <p>The check resolves the host itself and the HTTP client resolves it again when it connects, so a DNS server that
 * answers differently within seconds (DNS rebinding) could still slip through; closing that gap needs connecting to
 * the checked address, which breaks TLS host verification with the JDK client. Redirects are followed by hand so that
 * each hop is checked.
 */
public final class AddressPolicy {

    private final Set<String> allowedHosts;

    public AddressPolicy(Collection<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public void check(URI url) throws FetchException {
        var scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(
                    FetchException.Reason.REFUSED, "only http and https are allowed, not '" + scheme + "'");
        }
        var host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new FetchException(FetchException.Reason.REFUSED, "the URL has no host: " + url);
        }
        var normalised = host.toLowerCase(Locale.ROOT);
        if (normalised.startsWith("[") && normalised.endsWith("]")) {
            normalised = normalised.substring(1, normalised.length() - 1);
        }
        if (allowedHosts.contains(normalised)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(normalised);
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Reason.NETWORK_ERROR, "unknown host " + host, e);
        }
        for (var address : addresses) {
            if (!isPublic(address)) {
                throw new FetchException(
                        FetchException.Reason.REFUSED,
                        host + " resolves to the non-public address " + address.getHostAddress()
                                + " (allow-list the host in newsflow.ingest.feeds.allowed-hosts to poll it)");
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        var bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            var first = bytes[0] & 0xff;
            var second = bytes[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT, RFC 6598
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            var first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7, e.g. AWS's metadata fd00:ec2::254
                return false;
            }
            if (isEmbeddedIpv4(bytes)) {
                try {
                    return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) forms; Java already unwraps ::ffff:a.b.c.d. */
    private static boolean isEmbeddedIpv4(byte[] bytes) {
        var nat64 = bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
        var compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= bytes[i] == 0;
        }
        if (nat64) {
            for (int i = 4; i < 12; i++) {
                if (bytes[i] != 0) {
                    return false;
                }
            }
            return true;
        }
        return compatible;
    }
}
