package io.aiactops.logs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.aiactops.platform.security.ApiAccess;
import io.aiactops.platform.security.ApiAccessRules;
import io.aiactops.platform.security.Roles;
import io.aiactops.platform.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ingest, read, export and verify a system's log register (docs/log-register.md). */
@RestController
@RequestMapping("/api/systems/{id}/logs")
@Tag(name = "Log register", description = "The automatic log register: append-only, hash-chained per system")
class LogController {

    private final LogRegister register;
    private final LogBatchParser parser;
    private final RetentionPurge purge;
    private final LogsProperties properties;

    LogController(LogRegister register, LogBatchParser parser, RetentionPurge purge, LogsProperties properties) {
        this.register = register;
        this.parser = parser;
        this.purge = purge;
        this.properties = properties;
    }

    /** All or nothing: 201 after the commit (200 when every event was a duplicate). */
    @PostMapping
    @Operation(operationId = "appendLogEvents",
            summary = "Append log events, all or nothing: 201 after the commit, 200 when every event was a duplicate",
            // The body is read from the raw request, so it is described here.
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "application/json",
                            array = @ArraySchema(schema = @Schema(type = "object", description = "A log event")),
                            examples = @ExampleObject(name = "events", summary = "An array of events", value = """
                                    [{"type": "inference", "occurredAt": "2026-11-25T09:30:00Z", "modelVersion": "1.0.0",
                                      "clientEventId": "req-8841",
                                      "payload": {"inputRef": "s3://requests/2026/11/25/8841.json",
                                                  "output": {"score": 0.73, "decision": "refer"}, "confidence": 0.91}}]
                                    """)),
                    @Content(mediaType = "application/x-ndjson",
                            schema = @Schema(type = "string", description = "One log event (a JSON object) per line"),
                            examples = @ExampleObject(name = "events", summary = "One event per line", value = """
                                    {"type": "inference", "occurredAt": "2026-11-25T09:30:00Z", "clientEventId": "req-8841", "payload": {"output": {"score": 0.73}}}
                                    {"type": "inference", "occurredAt": "2026-11-25T09:30:01Z", "clientEventId": "req-8842", "payload": {"output": {"score": 0.41}}}
                                    """)) }))
    @ApiResponse(responseCode = "201", description = "Appended", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = AppendResult.class)))
    @ApiResponse(responseCode = "200", description = "Every event was a duplicate; nothing appended",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppendResult.class)))
    @ApiResponse(responseCode = "413", description = "The body is over the size limit.")
    ResponseEntity<AppendResult> append(@PathVariable String id, HttpServletRequest request, Authentication caller)
            throws IOException {
        List<NewLogEvent> events = parser.parse(request.getContentType(), request.getContentLengthLong(),
                request.getInputStream());
        AppendResult result = register.ingest(id, caller.getName(), events);
        return ResponseEntity.status(result.appended() > 0 ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    @GetMapping
    @Operation(operationId = "findLogEvents", summary = "Find log events, a page at a time")
    LogPage find(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) List<String> type,
            @RequestParam(defaultValue = "0") long afterSeq,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > properties.maxPageSize()) {
            throw new InvalidFieldException("limit", "between 1 and " + properties.maxPageSize());
        }
        if (afterSeq < 0) {
            throw new InvalidFieldException("afterSeq", "must not be negative");
        }
        List<String> types = type == null ? List.of() : type.stream()
                .flatMap(t -> List.of(t.split(",")).stream()).map(String::trim).filter(t -> !t.isEmpty()).toList();
        types.stream().filter(t -> LogEventType.fromWireName(t) == null).findFirst().ifPresent(t -> {
            throw new InvalidFieldException("type", "unknown event type '" + t + "'; one of " + LogEventType.wireNames());
        });
        requireOrdered(from, to);
        return register.find(id, new LogQuery(from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
                types, afterSeq, limit));
    }

    /**
     * Streams the whole chain (from the retention anchor), or the events that occurred in [from, to),
     * as NDJSON, one hashed envelope per line, or CSV.
     */
    @GetMapping("/export")
    @Operation(operationId = "exportLogRegister",
            summary = "Export the whole chain, or the events that occurred in [from, to), as NDJSON (hashed envelopes) or CSV")
    @ApiResponse(responseCode = "200", description = "The chain, from the retention anchor", content = {
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
    void export(@PathVariable String id, @RequestParam(defaultValue = "ndjson") String format,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            HttpServletResponse response) throws IOException {
        ExportFormat exportFormat = ExportFormat.of(format);
        requireOrdered(from, to);
        register.checkpoints(id);
        response.setContentType(exportFormat.contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + id + "-log-register." + exportFormat.extension + "\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        if (exportFormat == ExportFormat.CSV) {
            out.write(LogExportFormat.CSV_HEADER);
        }
        register.export(id, from == null ? null : from.toInstant(), to == null ? null : to.toInstant(), event -> {
            try {
                out.write(exportFormat == ExportFormat.CSV ? LogExportFormat.csvLine(event) : LogExportFormat.ndjsonLine(event));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    /** The whole chain, or with {@code fromCheckpoint=latest} only what was appended since the newest matching checkpoint. */
    @GetMapping("/verify")
    @Operation(operationId = "verifyLogRegister", summary = "Verify the hash chain and checkpoints of the register: "
            + "the whole chain, or with fromCheckpoint=latest the events after the newest checkpoint that still matches")
    Verification verify(@PathVariable String id,
            @Parameter(description = "latest: start at the newest checkpoint that still matches its event")
            @RequestParam(required = false) String fromCheckpoint) {
        if (fromCheckpoint == null) {
            return register.verify(id);
        }
        if (!fromCheckpoint.equals("latest")) {
            throw new InvalidFieldException("fromCheckpoint", "must be 'latest' (or left out for the whole chain)");
        }
        return register.verifySinceLatestCheckpoint(id);
    }

    @GetMapping("/checkpoints")
    @Operation(operationId = "listLogCheckpoints", summary = "List the checkpoints of the register")
    List<Checkpoint> checkpoints(@PathVariable String id) {
        return register.checkpoints(id);
    }

    /** Runs the retention purge of this system now; 409 while an evidence hold is active. */
    @PostMapping("/purge")
    @Operation(operationId = "purgeLogRegister", summary = "Run the retention purge of this system now")
    RetentionPurge.Outcome purge(@PathVariable String id) {
        return purge.purge(id);
    }

    private static void requireOrdered(OffsetDateTime from, OffsetDateTime to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidFieldException("from", "must not be after to (" + to + ")");
        }
    }

    private enum ExportFormat {
        NDJSON("application/x-ndjson;charset=UTF-8", "ndjson"),
        CSV("text/csv;charset=UTF-8", "csv");

        private final String contentType;
        private final String extension;

        ExportFormat(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        static ExportFormat of(String format) {
            for (ExportFormat f : values()) {
                if (f.extension.equals(Objects.requireNonNullElse(format, "").toLowerCase(java.util.Locale.ROOT))) {
                    return f;
                }
            }
            throw new InvalidFieldException("format", "ndjson or csv");
        }
    }

    @Component
    static class AccessRules implements ApiAccessRules {
        @Override
        public void declare(ApiAccess access) {
            String[] readers = { Roles.AUDITORS, Roles.PROCESS_OWNERS, Roles.INCIDENT_MANAGERS };
            access.allow(HttpMethod.POST, "/api/systems/*/logs", Roles.INGEST, Roles.PROCESS_OWNERS)
                    .allow(HttpMethod.GET, "/api/systems/*/logs", readers)
                    .allow(HttpMethod.GET, "/api/systems/*/logs/export", readers)
                    .allow(HttpMethod.GET, "/api/systems/*/logs/verify", readers)
                    .allow(HttpMethod.GET, "/api/systems/*/logs/checkpoints", readers)
                    .allow(HttpMethod.POST, "/api/systems/*/logs/purge", Roles.PROCESS_OWNERS);
        }
    }
}
