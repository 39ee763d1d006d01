package io.aiactops.serving;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.protobuf.CodedOutputStream;

/**
 * Seldon Core 2's Kafka records as its model gateway writes them: an Open Inference Protocol
 * {@code ModelInferRequest} on {@code <prefix>.<namespace>.model.<model>.inputs} and the
 * {@code ModelInferResponse} on {@code ...outputs}, both with the {@code x-request-id} header. The
 * messages are written field by field after Seldon's {@code apis/mlops/v2_dataplane/v2_dataplane.proto}
 * (SeldonIO/seldon-core), as protoc's generated code writes them: repeated scalars packed (proto3).
 */
final class SeldonMessages {

    static final String INPUTS = "seldon.prod.model.credit-scoring.inputs";
    static final String OUTPUTS = "seldon.prod.model.credit-scoring.outputs";

    private SeldonMessages() {
    }

    /** A request: an FP32 tensor [1, 3] and a BYTES tensor [1], with the request parameter content_type=np. */
    static byte[] request(String id) {
        return message(out -> {
            out.writeString(1, "credit-scoring");
            out.writeString(3, id);
            nested(out, 4, entry -> {
                entry.writeString(1, "content_type");
                nested(entry, 2, value -> value.writeString(3, "np"));
            });
            nested(out, 5, tensor("features", "FP32", new long[] { 1, 3 },
                    contents -> packed(contents, 6, p -> {
                        p.writeFloatNoTag(0.25f);
                        p.writeFloatNoTag(1.5f);
                        p.writeFloatNoTag(42f);
                    })));
            nested(out, 5, tensor("region", "BYTES", new long[] { 1 }, contents -> contents.writeString(8, "FR-IDF")));
        });
    }

    /** The answer: a score (FP64) and a decision code (INT64), model version 3. */
    static byte[] response(String id) {
        return message(out -> {
            out.writeString(1, "credit-scoring");
            out.writeString(2, "3");
            out.writeString(3, id);
            nested(out, 5, tensor("score", "FP64", new long[] { 1 }, contents -> packed(contents, 7, p -> p.writeDoubleNoTag(0.73))));
            nested(out, 5, tensor("decision", "INT64", new long[] { 1 }, contents -> packed(contents, 3, p -> p.writeInt64NoTag(2))));
        });
    }

    /** The headers Seldon's gateway puts on both records of one inference. */
    static Map<String, String> headers(String id) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-request-id", id);
        headers.put("pipeline", "credit-scoring");
        return headers;
    }

    private static Writer tensor(String name, String datatype, long[] shape, Writer contents) {
        return tensor -> {
            tensor.writeString(1, name);
            tensor.writeString(2, datatype);
            packed(tensor, 3, p -> {
                for (long dimension : shape) {
                    p.writeInt64NoTag(dimension);
                }
            });
            nested(tensor, 5, contents);
        };
    }

    interface Writer {
        void write(CodedOutputStream out) throws IOException;
    }

    /** An embedded message, or a packed run of scalars: both are length-delimited fields. */
    static void nested(CodedOutputStream out, int field, Writer content) throws IOException {
        out.writeByteArray(field, message(content));
    }

    private static void packed(CodedOutputStream out, int field, Writer values) throws IOException {
        nested(out, field, values);
    }

    static byte[] message(Writer writer) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            writer.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
