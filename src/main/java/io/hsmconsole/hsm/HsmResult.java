package io.hsmconsole.hsm;

import io.hsmconsole.hsm.attest.AttestationReport;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of one HSM command: the return code, how each node answered (in the order they
 * answered, as KMU lists them), and the payload when it succeeded. HSM refusals are values, never
 * exceptions; the shells format them and the GUI renders them.
 */
public record HsmResult<T>(ReturnCode code, List<NodeResult> nodes, T value, AttestationReport attestation) {

    public HsmResult {
        nodes = List.copyOf(nodes);
    }

    public HsmResult(ReturnCode code, List<NodeResult> nodes, T value) {
        this(code, nodes, value, null);
    }

    /** The client's verdict on the node's signed response, when the command asked for {@code -attest}. */
    public Optional<AttestationReport> attestationReport() {
        return Optional.ofNullable(attestation);
    }

    /** The same result with an attestation verdict; a failed verdict turns the code into ATTESTATION_FAILED. */
    public HsmResult<T> withAttestation(AttestationReport report) {
        ReturnCode c = code.isSuccess() && !report.passed() ? ReturnCode.ATTESTATION_FAILED : code;
        return new HsmResult<>(c, nodes, value, report);
    }

    public static <T> HsmResult<T> ok(T value, List<NodeResult> nodes) {
        return new HsmResult<>(ReturnCode.SUCCESS, nodes, value);
    }

    public static <T> HsmResult<T> fail(ReturnCode code, List<NodeResult> nodes) {
        if (code.isSuccess()) {
            throw new IllegalArgumentException("a failure needs a failure code");
        }
        return new HsmResult<>(code, nodes, null);
    }

    /** A refusal made before any node was asked (no cluster block). */
    public static <T> HsmResult<T> refused(ReturnCode code) {
        return fail(code, List.of());
    }

    public boolean isSuccess() {
        return code.isSuccess();
    }

    public Optional<T> valueIfSuccess() {
        return isSuccess() ? Optional.ofNullable(value) : Optional.empty();
    }

    public <U> HsmResult<U> map(Function<T, U> f) {
        return new HsmResult<>(code, nodes, isSuccess() ? f.apply(value) : null, attestation);
    }
}
