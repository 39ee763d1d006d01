package io.aiactops.platform.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiactops.platform.security.WebappLogin;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Where {@link FormSubmissionGuard} runs: /engine-rest and Tasklist's engine API. */
@Configuration
class FormSubmissions {

    @Bean
    FilterRegistrationBean<FormSubmissionGuard> formSubmissionGuard(
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath, FormService forms,
            TaskService tasks, RepositoryService repository, IdentityService identity, WebappLogin webappLogin,
            ObjectMapper json) {
        FilterRegistrationBean<FormSubmissionGuard> registration = new FilterRegistrationBean<>(
                new FormSubmissionGuard(webappPath, forms, tasks, repository, identity, webappLogin, json));
        registration.setName("aiact-form-submission-guard");
        registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
        // After /engine-rest's login (platform.security.SecurityConfig): the guard needs the caller.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }
}
