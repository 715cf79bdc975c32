package io.newsflow.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only address literals here: InetAddress parses them without any DNS query or connection. */
class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.1.2.3",
                "10.0.0.1",
                "172.16.5.4",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "224.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fd00:ec2::254",
                "::ffff:127.0.0.1",
                "::ffff:169.254.169.254",
                "::10.0.0.1",
                "64:ff9b::a9fe:a9fe",
                "ff02::1"
            })
    void refusesNonPublicAddresses(String literal) throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "151.101.0.81", "2606:2800:220:1:248:1893:25c8:1946"})
    void acceptsPublicAddresses(String literal) throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/",
                "http://10.1.2.3/feed",
                "http://[::1]:8080/feed",
                "https://127.0.0.1/feed",
                "ftp://93.184.216.34/feed",
                "gopher://93.184.216.34/"
            })
    void refusesUrlsThatAreNotPublicHttp(String url) {
        var policy = new AddressPolicy(List.of());

        assertThatThrownBy(() -> policy.check(URI.create(url)))
                .isInstanceOfSatisfying(
                        FetchException.class, e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.REFUSED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/feed", "http://[::1]/feed"})
    void letsAllowListedHostsThrough(String url) throws Exception {
        var policy = new AddressPolicy(List.of("127.0.0.1", " ::1 "));

        policy.check(URI.create(url));
    }
}
