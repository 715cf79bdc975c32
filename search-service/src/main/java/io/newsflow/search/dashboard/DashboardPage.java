package io.newsflow.search.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard's page at {@code /}, whatever its query string (the page reads its state from it). Answered here
 * rather than by a forward to the resource: Tomcat closes a forwarded response before the ETag filter has written it.
 */
@Controller
@Hidden
class DashboardPage {

    private static final Resource PAGE = new ClassPathResource("dashboard/index.html");

    @GetMapping("/")
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .body(PAGE);
    }
}
