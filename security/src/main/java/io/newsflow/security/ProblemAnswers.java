package io.newsflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as RFC 9457 problems, with the {@code WWW-Authenticate} challenge RFC 6750 asks for. */
final class ProblemAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String CHALLENGE = "Bearer, ApiKey";

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        var presented =
                request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(ApiKeyFilter.HEADER) != null;
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE,
                presented ? "Bearer error=\"invalid_token\", ApiKey error=\"invalid_token\"" : CHALLENGE);
        write(
                response,
                HttpStatus.UNAUTHORIZED,
                presented
                        ? "The credentials are not valid (unknown or revoked key, bad or expired token)"
                        : "This endpoint needs a bearer token or an API key (Authorization: ApiKey <key> or "
                                + ApiKeyFilter.HEADER + ")");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        write(response, HttpStatus.FORBIDDEN, "The caller's scopes do not allow this request");
    }

    void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
