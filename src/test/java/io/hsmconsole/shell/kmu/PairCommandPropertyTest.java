package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.SyncObserver;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedPair;
import io.hsmconsole.hsm.key.KeyOptions;
import io.hsmconsole.hsm.key.KeyPairRequest;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.property.Gen;
import io.hsmconsole.property.Trials;
import io.hsmconsole.reliability.Scale;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.shell.fuzz.FuzzCluster;
import io.hsmconsole.shell.fuzz.FuzzConsole;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key-pair command of key_mgmt_util with seeded random arguments, valid and not (unknown
 * curves, even exponents, sizes out of range, words for numbers, missing options, files that are no
 * key or the wrong kind, handles of the wrong kind of key, mechanisms with options they do not take):
 * each answer is an exit status of the tool (0, 1 or 2); a refusal names what is wrong (an option and
 * what it takes, a file, or an HSM return code) and leaves nothing behind — no new key, no output
 * file; a generation that succeeds makes exactly two keys.
 */
class PairCommandPropertyTest {
    private static final Pattern NAMED_REFUSAL = Pattern.compile("Error: .*\\(-\\w+\\)|Error: -\\w+ is valid only"
            + "|returned: 0x(?!00 )[0-9a-f]+ : HSM Error|Invalid file\\. Should be|Error: cannot (read|write) the"
            + "|holds \\d+ bytes; it must hold a plaintext AES key|has no wrapped-key header"
            + "|was wrapped with -m \\d+; unwrap it with|does not unwrap the exported key"
            + "|Input key file has real private key|Input file has invalid key handle");

    @Test
    void everyPairCommandAnswersAndARefusalLeavesNothingBehind() throws Exception {
        try (FuzzCluster world = new FuzzCluster();
             HsmSession owner = world.cluster.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, FuzzCluster.CU,
                     FuzzCluster.password(FuzzCluster.CU)).value()) {
            GeneratedPair rsa = owner.pairs().generateKeyPair(KeyPairRequest.rsa(2048, BigInteger.valueOf(65537),
                    KeyOptions.labelled("rsa")), SyncObserver.NONE).value();
            GeneratedPair ec = owner.pairs().generateKeyPair(KeyPairRequest.ec(2, KeyOptions.labelled("ec")),
                    SyncObserver.NONE).value();
            long aes = owner.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "aes")).value().handle();
            Path work = world.workDir;
            Files.writeString(work.resolve("junk.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
            Files.write(work.resolve("aad.bin"), new byte[]{1, 2, 3});
            Files.write(work.resolve("kek.bin"), new byte[32]);
            Files.write(work.resolve("short.bin"), new byte[5]);
            FuzzConsole console = new FuzzConsole();
            KmuShell shell = new KmuShell(world.cluster, console, work, world.clock);
            shell.execute(Tokens.split("loginHSM -u CU -s " + FuzzCluster.CU + " -p "
                    + new String(FuzzCluster.password(FuzzCluster.CU))));
            // files the commands write and read: public and private PEMs and a wrapped key made by valid runs
            shell.execute(Tokens.split("exportPubKey -k " + rsa.publicHandle() + " -out rsa.pub"));
            shell.execute(Tokens.split("exportPrivateKey -k " + ec.privateHandle() + " -w " + aes + " -out ec.key"));
            shell.execute(Tokens.split("wrapKey -k " + ec.privateHandle() + " -w " + aes + " -m 6 -out ec.wrapped"));

            Gen<String> handle = Gen.of(String.valueOf(rsa.publicHandle()), String.valueOf(rsa.privateHandle()),
                    String.valueOf(ec.publicHandle()), String.valueOf(ec.privateHandle()), String.valueOf(aes),
                    "999999", "abc", "-1", "");
            Gen<String> file = Gen.of("rsa.pub", "ec.key", "ec.wrapped", "junk.pem", "missing.pem", "aad.bin", "");
            Gen<String> mechanism = Gen.of("4", "5", "6", "7", "8", "9", "10", "11", "x");
            List<Gen<String>> templates = List.of(
                    r -> "genRSAKeyPair -m " + Gen.of("1024", "1000", "512", "8192", "abc", "").next(r)
                            + " -e " + Gen.of("65537", "65536", "3", "1", "0x10001", "").next(r) + " -l gen",
                    r -> "genECCKeyPair -i " + Gen.of("2", "14", "1", "99", "0", "P-256", "").next(r) + " -l gen"
                            + Gen.of("", " -m_value 9", " -u 99", " -timeout 5", " -id " + "x".repeat(200)).next(r),
                    r -> "importPubKey -l imp -f " + file.next(r),
                    r -> "importPrivateKey -l imp -f " + file.next(r) + " -w " + handle.next(r)
                            + Gen.of("", " -wk kek.bin", " -wk short.bin").next(r),
                    r -> "exportPubKey -k " + handle.next(r) + " -out out.bin",
                    r -> "exportPrivateKey -k " + handle.next(r) + " -w " + handle.next(r) + " -out out.bin"
                            + Gen.of("", " -m 5", " -wk kek.bin", " -wk short.bin").next(r),
                    r -> "getCaviumPrivKey -k " + handle.next(r) + " -out out.bin",
                    r -> "IsValidKeyHandlefile -f " + file.next(r),
                    r -> "wrapKey -k " + handle.next(r) + " -w " + handle.next(r) + " -out out.bin -m " + mechanism.next(r)
                            + Gen.of("", " -t 3", " -t 9", " -aad aad.bin", " -noheader", " -noheader -iv_file iv.bin",
                            " -noheader -tag_size 4", " -i 00").next(r),
                    r -> "unWrapKey -f " + file.next(r) + " -w " + handle.next(r) + " -m " + mechanism.next(r)
                            + Gen.of("", " -t 3", " -aad aad.bin", " -noheader -l u -kc 3 -kt 3", " -noheader -l u -kc 2 -kt 0",
                            " -noheader -l u -kc 4 -kt 31 -iv_file aad.bin").next(r));
            Gen<String> line = r -> templates.get(r.nextInt(templates.size())).next(r);
            Trials.run(Scale.cases(300), random -> {
                String command = line.next(random);
                Files.deleteIfExists(work.resolve("out.bin"));
                int before = keyCount(owner);
                console.nextInput(List.of());
                world.clock.nextInput();
                ExitStatus status = shell.execute(Tokens.split(command));
                String answer = console.outputOfInput();
                assertThat(status).as(command).isIn(ExitStatus.SUCCESS, ExitStatus.ERROR, ExitStatus.USAGE);
                assertThat(answer).as(command).doesNotContain("Exception", "\tat io.");
                if (status == ExitStatus.SUCCESS) {
                    if (command.startsWith("gen")) {
                        assertThat(keyCount(owner)).as(command).isEqualTo(before + 2);
                    }
                    return;
                }
                // KMU answers an m_value or min_srv above its bounds with the help text alone, whose syntax
                // line shows the bounds (-m_value <0..8>); every other refusal names what is wrong.
                boolean helpAlone = status == ExitStatus.USAGE && answer.contains("Syntax: ");
                assertThat(helpAlone || NAMED_REFUSAL.matcher(answer).find()).as("%s answered:%n%s", command, answer)
                        .isTrue();
                assertThat(keyCount(owner)).as("%s created a key:%n%s", command, answer).isEqualTo(before);
                assertThat(work.resolve("out.bin")).as("%s wrote its file:%n%s", command, answer).doesNotExist();
            });
        }
    }

    private static int keyCount(HsmSession owner) {
        return owner.findKeys(new KeyQuery(null, null, null, null, false, List.of(), null, null)).value().size();
    }
}
