package io.newsflow.search.dashboard;

import io.newsflow.search.SearchProperties;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the dashboard needs to know before it can sign in, at {@code /dashboard/config.json}, open to anyone as the
 * page is: the issuer and client id of its OIDC sign-in, or none (then it offers only the API-key sign-in). Served,
 * rather than written into the page, so that the page and its assets stay static.
 */
@RestController
@Hidden
class DashboardSettings {

    /** The settings as the page reads them; {@code oidc} is absent without an issuer. */
    record Settings(Optional<Oidc> oidc) {}

    record Oidc(String issuer, String clientId, String scope) {}

    private final Settings settings;

    DashboardSettings(SearchProperties properties) {
        var dashboard = properties.search().dashboard();
        settings = new Settings(
                dashboard.oidcEnabled()
                        ? Optional.of(new Oidc(dashboard.oidcIssuer(), dashboard.oidcClientId(), dashboard.oidcScope()))
                        : Optional.empty());
    }

    @GetMapping(value = "/dashboard/config.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Settings> settings() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(settings);
    }
}
