package io.aiactops.platform.process;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.aiactops.platform.web.ConflictException;
import io.aiactops.platform.web.InvalidFieldException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * /engine-rest as Camunda's REST API, plus our refusals: a deployment our checks refuse
 * ({@link DeploymentRefusal}) answers 400 with its message; and a task completion our listeners refuse
 * ({@link TaskRefusal}, {@link InvalidFieldException}, wrapped by the engine) answers 400 with the
 * refusal's own message, as for any other bad request ({@link ConflictException}: 409), instead of the 500
 * of an engine failure.
 * Camunda Modeler, scripts and Tasklist then see the reason; everything else is mapped as before.
 */
@Component
class EngineRestRefusals extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(EngineRefusalMapper.class);
        register(RestRefusalMapper.class);
        register(ConflictMapper.class);
    }

    /** Thrown by the engine as is, e.g. when a form is submitted. */
    @Provider
    @Priority(1)
    public static class EngineRefusalMapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            Response refused = refusal(exception);
            return refused != null ? refused : camunda.toResponse(exception);
        }
    }

    /** Wrapped by the REST API, e.g. "Cannot complete task …". */
    @Provider
    @Priority(1)
    public static class RestRefusalMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            Response refused = refusal(exception);
            return refused != null ? refused : camunda.toResponse(exception);
        }
    }

    /** Thrown by one of our delegates as is, e.g. stopping a system from a review when it is already stopped. */
    @Provider
    @Priority(1)
    public static class ConflictMapper implements ExceptionMapper<ConflictException> {

        @Override
        public Response toResponse(ConflictException exception) {
            return refusal(exception);
        }
    }

    /**
     * 400 with the refusal's message when one is among the causes, 409 for a conflict with the state of
     * things (e.g. a review deciding to stop a system someone already stopped), else {@code null}.
     */
    static Response refusal(Throwable exception) {
        for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof TaskRefusal || cause instanceof InvalidFieldException
                    || cause instanceof DeploymentRefusal) {
                return refusal(Response.Status.BAD_REQUEST, cause);
            }
            if (cause instanceof ConflictException) {
                return refusal(Response.Status.CONFLICT, cause);
            }
        }
        return null;
    }

    private static Response refusal(Response.Status status, Throwable cause) {
        ExceptionDto dto = body(cause instanceof DeploymentRefusal ? DeploymentRefusal.class : TaskRefusal.class,
                cause.getMessage());
        return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A refusal as /engine-rest answers its own errors: {@code {"type": …, "message": …}}. */
    static ExceptionDto body(Class<? extends ProcessEngineException> type, String message) {
        ExceptionDto dto = new ExceptionDto();
        dto.setType(type.getSimpleName());
        dto.setMessage(message);
        return dto;
    }
}
