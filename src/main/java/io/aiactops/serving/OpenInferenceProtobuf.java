package io.aiactops.serving;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import io.aiactops.platform.Sha256;

/**
 * Reads the Open Inference Protocol's {@code ModelInferRequest} and {@code ModelInferResponse}
 * (Seldon Core 2's {@code v2_dataplane.proto}, the messages it writes to Kafka) into the protocol's own
 * JSON form: {@code {"model_name", "model_version", "id", "parameters", "inputs"|"outputs": [{"name",
 * "datatype", "shape", "parameters", "data"}]}}. Raw tensor contents ({@code raw_input_contents}) are
 * kept as their SHA-256 and size. Read by field number, without generated classes: the two messages
 * are small and their numbers are fixed by the protocol.
 */
final class OpenInferenceProtobuf {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private OpenInferenceProtobuf() {
    }

    /** A {@code ModelInferRequest}; its tensors under {@code inputs}. */
    static ObjectNode request(byte[] message) throws InvalidProtocolBufferException {
        return read(message, "inputs", "requested_outputs", "raw_input_contents");
    }

    /** A {@code ModelInferResponse}; its tensors under {@code outputs}. */
    static ObjectNode response(byte[] message) throws InvalidProtocolBufferException {
        return read(message, "outputs", null, "raw_output_contents");
    }

    /**
     * Fields 1–4 are common to both messages; 5 is the tensors; in a request 6 is the requested outputs
     * and 7 the raw contents, in a response 6 is the raw contents.
     */
    private static ObjectNode read(byte[] message, String tensors, String requested, String raw)
            throws InvalidProtocolBufferException {
        ObjectNode out = JSON.objectNode();
        ArrayNode tensorList = out.putArray(tensors);
        try {
            CodedInputStream in = CodedInputStream.newInstance(message);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                int field = WireFormat.getTagFieldNumber(tag);
                if (field == 1 && isLengthDelimited(tag)) {
                    out.put("model_name", in.readStringRequireUtf8());
                } else if (field == 2 && isLengthDelimited(tag)) {
                    out.put("model_version", in.readStringRequireUtf8());
                } else if (field == 3 && isLengthDelimited(tag)) {
                    out.put("id", in.readStringRequireUtf8());
                } else if (field == 4 && isLengthDelimited(tag)) {
                    parameter(in.readBytes().newCodedInput(), parameters(out));
                } else if (field == 5 && isLengthDelimited(tag)) {
                    tensorList.add(tensor(in.readBytes().newCodedInput()));
                } else if (field == 6 && requested != null && isLengthDelimited(tag)) {
                    array(out, requested).add(requestedOutput(in.readBytes().newCodedInput()));
                } else if ((field == 7 && requested != null || field == 6 && requested == null) && isLengthDelimited(tag)) {
                    byte[] bytes = in.readByteArray();
                    array(out, raw).addObject().put("sha256", Sha256.of(bytes)).put("bytes", bytes.length);
                } else if (!in.skipField(tag)) {
                    break;
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidProtocolBufferException(e);
        }
        return out;
    }

    private static ObjectNode tensor(CodedInputStream in) throws IOException {
        ObjectNode tensor = JSON.objectNode();
        ArrayNode shape = tensor.putArray("shape");
        ArrayNode data = JSON.arrayNode();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1 && isLengthDelimited(tag)) {
                tensor.put("name", in.readStringRequireUtf8());
            } else if (field == 2 && isLengthDelimited(tag)) {
                tensor.put("datatype", in.readStringRequireUtf8());
            } else if (field == 3) {
                repeated(in, tag, () -> shape.add(in.readInt64()));
            } else if (field == 4 && isLengthDelimited(tag)) {
                parameter(in.readBytes().newCodedInput(), parameters(tensor));
            } else if (field == 5 && isLengthDelimited(tag)) {
                contents(in.readBytes().newCodedInput(), data);
            } else {
                in.skipField(tag);
            }
        }
        tensor.set("data", data);
        return tensor;
    }

    private static ObjectNode requestedOutput(CodedInputStream in) throws IOException {
        ObjectNode output = JSON.objectNode();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1 && isLengthDelimited(tag)) {
                output.put("name", in.readStringRequireUtf8());
            } else if (field == 2 && isLengthDelimited(tag)) {
                parameter(in.readBytes().newCodedInput(), parameters(output));
            } else {
                in.skipField(tag);
            }
        }
        return output;
    }

    /** {@code InferTensorContents}: one repeated field per type, flattened in row-major order as in the JSON form. */
    private static void contents(CodedInputStream in, ArrayNode data) throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> repeated(in, tag, () -> data.add(in.readBool()));
                case 2 -> repeated(in, tag, () -> data.add(in.readInt32()));
                case 3 -> repeated(in, tag, () -> data.add(in.readInt64()));
                case 4 -> repeated(in, tag, () -> data.add(Integer.toUnsignedLong(in.readUInt32())));
                case 5 -> repeated(in, tag, () -> data.add(new BigInteger(Long.toUnsignedString(in.readUInt64()))));
                // Through its shortest decimal form: 0.1f is written as 0.1, not 0.10000000149011612.
                case 6 -> repeated(in, tag, () -> data.add(Double.parseDouble(Float.toString(in.readFloat()))));
                case 7 -> repeated(in, tag, () -> data.add(in.readDouble()));
                case 8 -> data.add(text(in.readByteArray()));
                default -> in.skipField(tag);
            }
        }
    }

    /** A {@code map<string, InferParameter>} entry: key 1, value 2 with its one-of bool 1, int64 2, string 3. */
    private static void parameter(CodedInputStream entry, ObjectNode into) throws IOException {
        String key = "";
        ObjectNode holder = JSON.objectNode();
        for (int tag = entry.readTag(); tag != 0; tag = entry.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == 1 && isLengthDelimited(tag)) {
                key = entry.readStringRequireUtf8();
            } else if (field == 2 && isLengthDelimited(tag)) {
                CodedInputStream value = entry.readBytes().newCodedInput();
                for (int t = value.readTag(); t != 0; t = value.readTag()) {
                    switch (WireFormat.getTagFieldNumber(t)) {
                        case 1 -> holder.put("value", value.readBool());
                        case 2 -> holder.put("value", value.readInt64());
                        case 3 -> holder.put("value", value.readStringRequireUtf8());
                        default -> value.skipField(t);
                    }
                }
            } else {
                entry.skipField(tag);
            }
        }
        into.set(key, holder.has("value") ? holder.get("value") : JSON.nullNode());
    }

    private interface Read {
        void next() throws IOException;
    }

    /** A repeated scalar, packed (the proto3 default) or one element per tag. */
    private static void repeated(CodedInputStream in, int tag, Read element) throws IOException {
        if (!isLengthDelimited(tag)) {
            element.next();
            return;
        }
        int limit = in.pushLimit(in.readRawVarint32());
        while (in.getBytesUntilLimit() > 0) {
            element.next();
        }
        in.popLimit(limit);
    }

    private static boolean isLengthDelimited(int tag) {
        return WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
    }

    private static ObjectNode parameters(ObjectNode owner) {
        return owner.has("parameters") ? (ObjectNode) owner.get("parameters") : owner.putObject("parameters");
    }

    private static ArrayNode array(ObjectNode owner, String name) {
        return owner.has(name) ? (ArrayNode) owner.get(name) : owner.putArray(name);
    }

    /** A BYTES element as the JSON form has it, a string; bytes that are not UTF-8 as base64. */
    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notText) {
            return "base64:" + Base64.getEncoder().encodeToString(bytes);
        }
    }
}
