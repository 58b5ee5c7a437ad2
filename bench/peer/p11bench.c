/*
 * The peer's side of bench/side-by-side.sh: the same workloads as our in-process benchmarks, run
 * against a PKCS#11 module (SoftHSM2) through its C API, in one process, so that the comparison
 * leaves out process start-up on both sides. Compiled by the script with
 *   gcc -O2 -pthread -I/usr/include/p11-kit-1 bench/peer/p11bench.c -ldl
 *
 * Every call's return value is checked: a failing call ends the run with its CKR code (a benchmark
 * that timed refusals would be a lie).
 *
 * Usage (the module is loaded with dlopen, the token is the one labelled TOKEN, user PIN PIN):
 *   p11bench MODULE TOKEN PIN keygen token|session ITERATIONS SECONDS [SESSIONS]
 *                                                    one keys/s figure per line; SESSIONS sessions at
 *                                                    once, one thread each (keys of all counted); says on
 *                                                    standard error how many were open at once
 *   p11bench MODULE TOKEN PIN populate FROM TO      AES-256 token keys labelled bench-<n>, FROM <= n < TO
 *   p11bench MODULE TOKEN PIN find KEYS SAMPLES      ms per find by label of a random bench-<n>, n < KEYS
 *   p11bench MODULE TOKEN PIN listall RUNS           ms per listing of every object (find with no template)
 *   p11bench MODULE TOKEN PIN encrypt ITERATIONS SECONDS   AES-CBC encryptions of 4 KiB per second (a session
 *                                                    AES-256 key, C_EncryptInit + C_Encrypt each time)
 *   p11bench MODULE TOKEN PIN genpair rsa|ec ITERATIONS SECONDS   C_GenerateKeyPair of session RSA-2048 (e 65537)
 *                                                    or P-256 pairs per second
 *   p11bench MODULE TOKEN PIN sign rsa|ec ITERATIONS SECONDS   signatures per second with a session pair:
 *                                                    C_SignInit + C_Sign; CKM_SHA256_RSA_PKCS of 256 bytes
 *                                                    (RSA-2048 PKCS #1 v1.5), or CKM_ECDSA of a 32-byte
 *                                                    hash (P-256; SoftHSM2 2.6.1's CKM_ECDSA_SHA256 fails
 *                                                    now and then with CKR_MECHANISM_INVALID); with
 *                                                    P11BENCH_TOKEN_PAIR set, a token pair (CKA_TOKEN true)
 *   p11bench fsync DIR ITERATIONS SECONDS            4 KiB write + fsync per second, one figure per line
 * With P11BENCH_TOTAL set in the environment, the operations of the whole run (the warm-up iteration
 * included) are said on standard error at the end: a server's CPU time over the run divided by them is
 * its CPU time per operation.
 */
#define _POSIX_C_SOURCE 200809L
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <p11-kit/pkcs11.h>

static CK_FUNCTION_LIST_PTR p11;
/* Operations of every iteration, the warm-up's included: with P11BENCH_TOTAL set, said on standard
 * error at the end, so that a server's CPU time over the whole run can be divided by them. */
static long total_operations;

static void check(CK_RV rv, const char *what) {
    if (rv != CKR_OK) {
        fprintf(stderr, "p11bench: %s failed: CKR 0x%08lx\n", what, (unsigned long) rv);
        exit(1);
    }
}

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static CK_SLOT_ID slot_of(const char *token) {
    CK_ULONG count = 0;
    check(p11->C_GetSlotList(CK_TRUE, NULL, &count), "C_GetSlotList");
    CK_SLOT_ID *slots = calloc(count ? count : 1, sizeof *slots);
    check(p11->C_GetSlotList(CK_TRUE, slots, &count), "C_GetSlotList");
    for (CK_ULONG i = 0; i < count; i++) {
        CK_TOKEN_INFO info;
        check(p11->C_GetTokenInfo(slots[i], &info), "C_GetTokenInfo");
        size_t n = strlen(token);
        /* Token labels are blank-padded to 32 characters. */
        if (n <= sizeof info.label && memcmp(info.label, token, n) == 0
                && (n == sizeof info.label || info.label[n] == ' ')) {
            CK_SLOT_ID found = slots[i];
            free(slots);
            return found;
        }
    }
    fprintf(stderr, "p11bench: no token labelled '%s'\n", token);
    exit(1);
}

static CK_SESSION_HANDLE open_session(CK_SLOT_ID slot, const char *pin) {
    CK_SESSION_HANDLE session;
    check(p11->C_OpenSession(slot, CKF_SERIAL_SESSION | CKF_RW_SESSION, NULL, NULL, &session), "C_OpenSession");
    CK_RV rv = p11->C_Login(session, CKU_USER, (CK_UTF8CHAR_PTR) pin, strlen(pin));
    if (rv != CKR_USER_ALREADY_LOGGED_IN) {
        check(rv, "C_Login");
    }
    return session;
}

/* C_GenerateKey of an AES-256 secret key, as pkcs11-tool --keygen --key-type AES:32 does it. */
static CK_OBJECT_HANDLE generate(CK_SESSION_HANDLE session, CK_BBOOL token, const char *label) {
    CK_MECHANISM mechanism = {CKM_AES_KEY_GEN, NULL, 0};
    CK_OBJECT_CLASS class = CKO_SECRET_KEY;
    CK_KEY_TYPE type = CKK_AES;
    CK_ULONG length = 32;
    CK_BBOOL yes = CK_TRUE;
    CK_ATTRIBUTE template[] = {
        {CKA_CLASS, &class, sizeof class},
        {CKA_KEY_TYPE, &type, sizeof type},
        {CKA_VALUE_LEN, &length, sizeof length},
        {CKA_TOKEN, &token, sizeof token},
        {CKA_PRIVATE, &yes, sizeof yes},
        {CKA_SENSITIVE, &yes, sizeof yes},
        {CKA_ENCRYPT, &yes, sizeof yes},
        {CKA_DECRYPT, &yes, sizeof yes},
        {CKA_LABEL, (void *) label, strlen(label)},
    };
    CK_OBJECT_HANDLE key;
    check(p11->C_GenerateKey(session, &mechanism, template, sizeof template / sizeof template[0], &key),
          "C_GenerateKey");
    return key;
}

/* One session's share of a keygen iteration: its own session, keys until the shared deadline. */
struct keygen_worker {
    pthread_t thread;
    pthread_barrier_t *start;
    CK_SLOT_ID slot;
    const char *pin, *kind;
    CK_BBOOL token;
    int number;
    double seconds;
    long serial, keys;
    double elapsed;
};

static void *keygen_session(void *arg) {
    struct keygen_worker *w = arg;
    CK_SESSION_HANDLE session = open_session(w->slot, w->pin);
    char label[48];
    CK_OBJECT_HANDLE made[64];
    w->keys = 0;
    w->elapsed = 0;
    pthread_barrier_wait(w->start);
    do {
        int n = 0;
        double start = now_seconds();
        while (n < 64 && w->elapsed + now_seconds() - start < w->seconds) {
            snprintf(label, sizeof label, "%s-%d-%ld", w->kind, w->number, w->serial++);
            made[n++] = generate(session, w->token, label);
            w->keys++;
        }
        w->elapsed += now_seconds() - start;
        /* Token keys go again outside the timing, so that a fast run never fills the token. */
        for (int k = 0; w->token && k < n; k++) {
            check(p11->C_DestroyObject(session, made[k]), "C_DestroyObject");
        }
    } while (w->elapsed < w->seconds);
    check(p11->C_CloseSession(session), "C_CloseSession");
    return NULL;
}

/*
 * Generates keys for SECONDS per iteration after one warm-up iteration, in SESSIONS sessions at
 * once (one thread each, new sessions each iteration); prints the keys of all per second.
 */
static void keygen(CK_SLOT_ID slot, const char *pin, const char *kind, int iterations, double seconds, int sessions) {
    CK_BBOOL token = strcmp(kind, "token") == 0;
    if (!token && strcmp(kind, "session") != 0) {
        fprintf(stderr, "p11bench: keygen token|session, not '%s'\n", kind);
        exit(2);
    }
    if (sessions < 1) {
        fprintf(stderr, "p11bench: keygen needs at least one session, not %d\n", sessions);
        exit(2);
    }
    struct keygen_worker *workers = calloc(sessions, sizeof *workers);
    pthread_barrier_t start;
    for (int i = -1; i < iterations; i++) {
        pthread_barrier_init(&start, NULL, sessions);
        for (int t = 0; t < sessions; t++) {
            struct keygen_worker *w = &workers[t];
            w->start = &start;
            w->slot = slot;
            w->pin = pin;
            w->kind = kind;
            w->token = token;
            w->number = t;
            w->seconds = seconds;
            if (pthread_create(&w->thread, NULL, keygen_session, w) != 0) {
                perror("pthread_create");
                exit(1);
            }
        }
        long keys = 0;
        double elapsed = 0;
        for (int t = 0; t < sessions; t++) {
            pthread_join(workers[t].thread, NULL);
            keys += workers[t].keys;
            elapsed = workers[t].elapsed > elapsed ? workers[t].elapsed : elapsed;
        }
        pthread_barrier_destroy(&start);
        total_operations += keys;
        if (i < 0 && sessions > 1) {
            /* Every worker opened its session before the barrier (a refusal ends the run in check()). */
            fprintf(stderr, "p11bench: %d sessions were open at once\n", sessions);
        }
        if (i >= 0) {
            printf("%.1f\n", keys / elapsed);
            fflush(stdout);
        }
    }
    free(workers);
}

static void populate(CK_SLOT_ID slot, const char *pin, long from, long to) {
    CK_SESSION_HANDLE session = open_session(slot, pin);
    char label[32];
    for (long n = from; n < to; n++) {
        snprintf(label, sizeof label, "bench-%ld", n);
        generate(session, CK_TRUE, label);
    }
    check(p11->C_CloseSession(session), "C_CloseSession");
}

/* Runs one search and returns how many objects matched (handles fetched 1,024 at a time). */
static CK_ULONG search(CK_SESSION_HANDLE session, CK_ATTRIBUTE *template, CK_ULONG count) {
    CK_OBJECT_HANDLE handles[1024];
    CK_ULONG got, total = 0;
    check(p11->C_FindObjectsInit(session, template, count), "C_FindObjectsInit");
    do {
        check(p11->C_FindObjects(session, handles, 1024, &got), "C_FindObjects");
        total += got;
    } while (got > 0);
    check(p11->C_FindObjectsFinal(session), "C_FindObjectsFinal");
    return total;
}

static void find(CK_SLOT_ID slot, const char *pin, long keys, int samples) {
    CK_SESSION_HANDLE session = open_session(slot, pin);
    unsigned int seed = 42;
    char label[32];
    for (int i = -1; i < samples; i++) {
        snprintf(label, sizeof label, "bench-%ld", (long) (rand_r(&seed) % keys));
        CK_ATTRIBUTE template[] = {{CKA_LABEL, label, strlen(label)}};
        double start = now_seconds();
        CK_ULONG found = search(session, template, 1);
        double ms = (now_seconds() - start) * 1e3;
        if (found != 1) {
            fprintf(stderr, "p11bench: find by label %s found %lu objects, not 1\n", label, (unsigned long) found);
            exit(1);
        }
        if (i >= 0) {
            printf("%.3f\n", ms);
            fflush(stdout);
        }
    }
    check(p11->C_CloseSession(session), "C_CloseSession");
}

static void listall(CK_SLOT_ID slot, const char *pin, int runs) {
    CK_SESSION_HANDLE session = open_session(slot, pin);
    for (int i = -1; i < runs; i++) {
        double start = now_seconds();
        CK_ULONG found = search(session, NULL, 0);
        double ms = (now_seconds() - start) * 1e3;
        if (i >= 0) {
            printf("%.3f %lu\n", ms, (unsigned long) found);
            fflush(stdout);
        }
    }
    check(p11->C_CloseSession(session), "C_CloseSession");
}

/* AES-CBC of 4 KiB with a session key: one C_EncryptInit and one C_Encrypt per operation. */
static void cbc_encrypt(CK_SLOT_ID slot, const char *pin, int iterations, double seconds) {
    CK_SESSION_HANDLE session = open_session(slot, pin);
    generate(session, CK_FALSE, "bench-cbc");
    CK_OBJECT_HANDLE key;
    CK_ULONG found;
    char label[] = "bench-cbc";
    CK_ATTRIBUTE template[] = {{CKA_LABEL, label, strlen(label)}};
    check(p11->C_FindObjectsInit(session, template, 1), "C_FindObjectsInit");
    check(p11->C_FindObjects(session, &key, 1, &found), "C_FindObjects");
    check(p11->C_FindObjectsFinal(session), "C_FindObjectsFinal");
    if (found != 1) {
        fprintf(stderr, "p11bench: the session key bench-cbc was not found\n");
        exit(1);
    }
    CK_BYTE iv[16] = {0}, plain[4096], cipher[4096];
    memset(plain, 0x5a, sizeof plain);
    CK_MECHANISM mechanism = {CKM_AES_CBC, iv, sizeof iv};
    for (int i = -1; i < iterations; i++) {
        long ops = 0;
        double start = now_seconds(), elapsed;
        do {
            CK_ULONG length = sizeof cipher;
            check(p11->C_EncryptInit(session, &mechanism, key), "C_EncryptInit");
            check(p11->C_Encrypt(session, plain, sizeof plain, cipher, &length), "C_Encrypt");
            if (length != sizeof plain) {
                fprintf(stderr, "p11bench: AES-CBC of 4096 bytes gave %lu\n", (unsigned long) length);
                exit(1);
            }
            ops++;
        } while ((elapsed = now_seconds() - start) < seconds);
        total_operations += ops;
        if (i >= 0) {
            printf("%.1f\n", ops / elapsed);
            fflush(stdout);
        }
    }
    check(p11->C_CloseSession(session), "C_CloseSession");
}

/* RSA-2048 (e 65537) or P-256: the public and private templates of a key pair that signs (a session pair, or a
 * token pair when `token` is true). */
static CK_RV generate_pair(CK_SESSION_HANDLE session, int rsa, CK_BBOOL token, CK_OBJECT_HANDLE *public,
                           CK_OBJECT_HANDLE *private) {
    static CK_BYTE p256[] = {0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};
    static CK_BYTE exponent[] = {0x01, 0x00, 0x01};
    static char label[] = "bench-pair";
    CK_ULONG bits = 2048;
    CK_BBOOL yes = CK_TRUE;
    CK_MECHANISM mechanism = {rsa ? CKM_RSA_PKCS_KEY_PAIR_GEN : CKM_EC_KEY_PAIR_GEN, NULL, 0};
    CK_ATTRIBUTE rsa_public[] = {
        {CKA_TOKEN, &token, sizeof token}, {CKA_VERIFY, &yes, sizeof yes}, {CKA_LABEL, label, strlen(label)},
        {CKA_MODULUS_BITS, &bits, sizeof bits}, {CKA_PUBLIC_EXPONENT, exponent, sizeof exponent},
    };
    CK_ATTRIBUTE ec_public[] = {
        {CKA_TOKEN, &token, sizeof token}, {CKA_VERIFY, &yes, sizeof yes}, {CKA_LABEL, label, strlen(label)},
        {CKA_EC_PARAMS, p256, sizeof p256},
    };
    CK_ATTRIBUTE private_template[] = {
        {CKA_TOKEN, &token, sizeof token}, {CKA_PRIVATE, &yes, sizeof yes}, {CKA_SENSITIVE, &yes, sizeof yes},
        {CKA_SIGN, &yes, sizeof yes}, {CKA_LABEL, label, strlen(label)},
    };
    return p11->C_GenerateKeyPair(session, &mechanism, rsa ? rsa_public : ec_public, rsa ? 5 : 4,
                                  private_template, 5, public, private);
}

static int pair_kind(const char *kind) {
    if (strcmp(kind, "rsa") != 0 && strcmp(kind, "ec") != 0) {
        fprintf(stderr, "p11bench: rsa|ec, not '%s'\n", kind);
        exit(2);
    }
    return strcmp(kind, "rsa") == 0;
}

/* Session key pairs generated per second (each pair destroyed again, outside the timing, every 64 pairs). */
static void genpair(CK_SLOT_ID slot, const char *pin, const char *kind, int iterations, double seconds) {
    int rsa = pair_kind(kind);
    CK_SESSION_HANDLE session = open_session(slot, pin);
    CK_OBJECT_HANDLE made[128];
    for (int i = -1; i < iterations; i++) {
        long pairs = 0;
        double elapsed = 0;
        do {
            int n = 0;
            double start = now_seconds();
            while (n < 128 && elapsed + now_seconds() - start < seconds) {
                check(generate_pair(session, rsa, CK_FALSE, &made[n], &made[n + 1]), "C_GenerateKeyPair");
                n += 2;
                pairs++;
            }
            elapsed += now_seconds() - start;
            for (int k = 0; k < n; k++) {
                check(p11->C_DestroyObject(session, made[k]), "C_DestroyObject");
            }
        } while (elapsed < seconds);
        total_operations += pairs;
        if (i >= 0) {
            printf("%.2f\n", pairs / elapsed);
            fflush(stdout);
        }
    }
    check(p11->C_CloseSession(session), "C_CloseSession");
}

/* Signatures per second: C_SignInit + C_Sign with one session pair (256 bytes for RSA, a SHA-256 hash for ECDSA);
 * with P11BENCH_TOKEN_PAIR set, a token pair, destroyed at the end. */
static void sign_rate(CK_SLOT_ID slot, const char *pin, const char *kind, int iterations, double seconds) {
    int rsa = pair_kind(kind);
    CK_BBOOL token = getenv("P11BENCH_TOKEN_PAIR") != NULL ? CK_TRUE : CK_FALSE;
    CK_SESSION_HANDLE session = open_session(slot, pin);
    CK_OBJECT_HANDLE public, private;
    check(generate_pair(session, rsa, token, &public, &private), "C_GenerateKeyPair");
    CK_MECHANISM mechanism = {rsa ? CKM_SHA256_RSA_PKCS : CKM_ECDSA, NULL, 0};
    CK_ULONG expected = rsa ? 256 : 64, size = rsa ? 256 : 32;
    CK_BYTE data[256], signature[512];
    memset(data, 0x5a, sizeof data);
    for (int i = -1; i < iterations; i++) {
        long signatures = 0;
        double start = now_seconds(), elapsed;
        do {
            CK_ULONG length = sizeof signature;
            check(p11->C_SignInit(session, &mechanism, private), "C_SignInit");
            check(p11->C_Sign(session, data, size, signature, &length), "C_Sign");
            if (length != expected) {
                fprintf(stderr, "p11bench: a %s signature of %lu bytes, not %lu\n", kind, (unsigned long) length,
                        (unsigned long) expected);
                exit(1);
            }
            signatures++;
        } while ((elapsed = now_seconds() - start) < seconds);
        total_operations += signatures;
        if (i >= 0) {
            printf("%.1f\n", signatures / elapsed);
            fflush(stdout);
        }
    }
    if (token) {
        check(p11->C_DestroyObject(session, private), "C_DestroyObject");
        check(p11->C_DestroyObject(session, public), "C_DestroyObject");
    }
    check(p11->C_CloseSession(session), "C_CloseSession");
}

/* The disk's sync rate: 4 KiB writes round a 4 MiB file, each followed by fsync. */
static void fsync_rate(const char *dir, int iterations, double seconds) {
    char path[4096];
    snprintf(path, sizeof path, "%s/p11bench-fsync.%ld", dir, (long) getpid());
    int fd = open(path, O_CREAT | O_EXCL | O_RDWR, 0600);
    if (fd < 0) {
        perror(path);
        exit(1);
    }
    char block[4096];
    memset(block, 0x5a, sizeof block);
    off_t position = 0;
    for (int i = -1; i < iterations; i++) {
        long syncs = 0;
        double start = now_seconds(), elapsed;
        do {
            if (pwrite(fd, block, sizeof block, position) != (ssize_t) sizeof block || fsync(fd) != 0) {
                perror(path);
                exit(1);
            }
            position = (position + (off_t) sizeof block) % (4L << 20);
            syncs++;
        } while ((elapsed = now_seconds() - start) < seconds);
        if (i >= 0) {
            printf("%.1f\n", syncs / elapsed);
            fflush(stdout);
        }
    }
    close(fd);
    unlink(path);
}

static void usage(void) {
    fprintf(stderr, "usage: p11bench MODULE TOKEN PIN keygen token|session ITERATIONS SECONDS [SESSIONS]\n"
                    "       p11bench MODULE TOKEN PIN populate FROM TO\n"
                    "       p11bench MODULE TOKEN PIN find KEYS SAMPLES\n"
                    "       p11bench MODULE TOKEN PIN listall RUNS\n"
                    "       p11bench MODULE TOKEN PIN encrypt ITERATIONS SECONDS\n"
                    "       p11bench MODULE TOKEN PIN genpair rsa|ec ITERATIONS SECONDS\n"
                    "       p11bench MODULE TOKEN PIN sign rsa|ec ITERATIONS SECONDS\n"
                    "       p11bench fsync DIR ITERATIONS SECONDS\n");
    exit(2);
}

int main(int argc, char **argv) {
    if (argc == 5 && strcmp(argv[1], "fsync") == 0) {
        fsync_rate(argv[2], atoi(argv[3]), atof(argv[4]));
        return 0;
    }
    if (argc < 6) {
        usage();
    }
    void *module = dlopen(argv[1], RTLD_NOW);
    if (module == NULL) {
        fprintf(stderr, "p11bench: cannot load %s: %s\n", argv[1], dlerror());
        return 1;
    }
    CK_C_GetFunctionList get_function_list = (CK_C_GetFunctionList) dlsym(module, "C_GetFunctionList");
    if (get_function_list == NULL) {
        fprintf(stderr, "p11bench: %s has no C_GetFunctionList\n", argv[1]);
        return 1;
    }
    check(get_function_list(&p11), "C_GetFunctionList");
    const char *pin = argv[3], *mode = argv[4];
    int sessions = strcmp(mode, "keygen") == 0 && argc == 9 ? atoi(argv[8]) : 1;
    /* Several threads call the module at once: it must lock with the OS's mutexes. */
    CK_C_INITIALIZE_ARGS threaded = {NULL, NULL, NULL, NULL, CKF_OS_LOCKING_OK, NULL};
    check(p11->C_Initialize(sessions > 1 ? &threaded : NULL), "C_Initialize");
    CK_SLOT_ID slot = slot_of(argv[2]);
    if (strcmp(mode, "keygen") == 0 && (argc == 8 || argc == 9)) {
        keygen(slot, pin, argv[5], atoi(argv[6]), atof(argv[7]), sessions);
    } else if (strcmp(mode, "populate") == 0 && argc == 7) {
        populate(slot, pin, atol(argv[5]), atol(argv[6]));
    } else if (strcmp(mode, "find") == 0 && argc == 7) {
        find(slot, pin, atol(argv[5]), atoi(argv[6]));
    } else if (strcmp(mode, "listall") == 0 && argc == 6) {
        listall(slot, pin, atoi(argv[5]));
    } else if (strcmp(mode, "encrypt") == 0 && argc == 7) {
        cbc_encrypt(slot, pin, atoi(argv[5]), atof(argv[6]));
    } else if (strcmp(mode, "genpair") == 0 && argc == 8) {
        genpair(slot, pin, argv[5], atoi(argv[6]), atof(argv[7]));
    } else if (strcmp(mode, "sign") == 0 && argc == 8) {
        sign_rate(slot, pin, argv[5], atoi(argv[6]), atof(argv[7]));
    } else {
        usage();
    }
    check(p11->C_Finalize(NULL), "C_Finalize");
    if (getenv("P11BENCH_TOTAL") != NULL) {
        fprintf(stderr, "p11bench: %ld operations\n", total_operations);
    }
    return 0;
}
