package io.newsflow.search.admin;

import io.newsflow.search.SearchProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admin endpoints ask for {@code Authorization: Bearer <newsflow.search.admin-token>}: without it 401, with another
 * token 403, both as problem details.
 */
@Configuration(proxyBeanMethods = false)
class AdminAuthorization implements WebMvcConfigurer, HandlerInterceptor {

    private static final String BEARER = "Bearer ";

    private final byte[] token;
    private final JsonMapper json = JsonMapper.builder().build();

    AdminAuthorization(SearchProperties properties) {
        this.token = properties.search().adminToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/admin/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return refuse(response, HttpStatus.UNAUTHORIZED, "Admin endpoints need a bearer token");
        }
        var given = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        // constant time, so the token cannot be guessed byte by byte from response times
        if (!MessageDigest.isEqual(given, token)) {
            return refuse(response, HttpStatus.FORBIDDEN, "This token may not use admin endpoints");
        }
        return true;
    }

    private boolean refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
        return false;
    }
}
