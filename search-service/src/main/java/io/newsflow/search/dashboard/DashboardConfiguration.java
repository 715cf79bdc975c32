package io.newsflow.search.dashboard;

import io.newsflow.search.SearchProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the newsroom dashboard's ES modules and styles under {@code /dashboard/**} (the page is {@link DashboardPage}). The modules import
 * each other by plain relative names, so their URLs cannot carry content hashes; instead every response is
 * {@code no-cache} with an ETag, and a browser revalidates with one cheap 304 per asset.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/dashboard/**")
                .addResourceLocations("classpath:/dashboard/")
                .setCacheControl(CacheControl.noCache());
    }

    @Bean
    FilterRegistrationBean<DashboardHeaders> dashboardHeaders(SearchProperties properties) {
        var dashboard = properties.search().dashboard();
        var registration = new FilterRegistrationBean<>(
                new DashboardHeaders(dashboard.oidcEnabled() ? dashboard.oidcOrigin() : ""));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> dashboardEtags() {
        // not on /api: the filter buffers whole responses, which would hold back server-sent events
        var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/", "/dashboard/*");
        return registration;
    }
}
