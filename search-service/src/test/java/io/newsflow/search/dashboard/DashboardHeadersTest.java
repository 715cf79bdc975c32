package io.newsflow.search.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.search.SearchProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class DashboardHeadersTest {

    @Test
    void thePolicyLetsThePageConnectToTheConfiguredIssuerAndNowhereElse() throws Exception {
        var dashboard = new SearchProperties.Dashboard(
                "https://login.example.org:8443/realms/newsroom", "newsflow-dashboard", "openid search:read");
        var response = new MockHttpServletResponse();

        new DashboardHeaders(dashboard.oidcOrigin())
                .doFilter(new MockHttpServletRequest("GET", "/"), response, new MockFilterChain());

        assertThat(response.getHeader("Content-Security-Policy"))
                .contains("connect-src 'self' https://login.example.org:8443;")
                .contains("script-src 'self';", "frame-ancestors 'none'");
    }

    @Test
    void withoutAnIssuerThePageConnectsOnlyToItsOwnService() throws Exception {
        var response = new MockHttpServletResponse();

        new DashboardHeaders("").doFilter(new MockHttpServletRequest("GET", "/"), response, new MockFilterChain());

        assertThat(response.getHeader("Content-Security-Policy")).contains("connect-src 'self';");
    }
}
