/*
 * The floor of a p11-kit RPC round trip on this machine, for bench/pkcs11-side-by-side.sh: a responder
 * in C that stands between p11-kit-client.so and our daemon and passes every message on, except
 * C_EncryptInit, C_Encrypt, C_SignInit and C_Sign once it has seen the daemon answer each of them: from
 * then on it answers them itself with the daemon's first answer (the same length, the call code echoed),
 * doing no work. So `p11bench … encrypt` or `p11bench … sign ec` through it measures what the client
 * library, the socket and the two wake-ups per round trip cost with a server that costs nothing: the most
 * any server behind p11-kit-client.so could reach. Its answers are not encryptions or signatures of the
 * data (the benchmark checks only their length).
 *
 *   gcc -O2 -Wall -o p11floor bench/peer/p11floor.c
 *   p11floor LISTEN_SOCKET DAEMON_SOCKET     serves one connection at a time, until killed
 */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/* p11-kit's call numbers (rpc-message.h): the position in its table. */
enum { CALL_ENCRYPT_INIT = 29, CALL_ENCRYPT = 30, CALL_SIGN_INIT = 42, CALL_SIGN = 43 };

/* The calls answered from memory, in the order of the kept answers. */
static const uint32_t KEPT_CALLS[] = {CALL_ENCRYPT_INIT, CALL_ENCRYPT, CALL_SIGN_INIT, CALL_SIGN};
enum { KEPT = sizeof KEPT_CALLS / sizeof KEPT_CALLS[0] };

static int kept_index(uint32_t call) {
    for (int i = 0; i < KEPT; i++) {
        if (KEPT_CALLS[i] == call) {
            return i;
        }
    }
    return -1;
}

static int read_fully(int fd, void *buffer, size_t length) {
    size_t got = 0;
    while (got < length) {
        ssize_t n = read(fd, (char *) buffer + got, length - got);
        if (n <= 0) {
            return -1;
        }
        got += (size_t) n;
    }
    return 0;
}

static int write_fully(int fd, const void *buffer, size_t length) {
    size_t sent = 0;
    while (sent < length) {
        ssize_t n = write(fd, (const char *) buffer + sent, length - sent);
        if (n <= 0) {
            return -1;
        }
        sent += (size_t) n;
    }
    return 0;
}

static int unix_socket(const char *path, struct sockaddr_un *address) {
    if (strlen(path) >= sizeof address->sun_path) {
        fprintf(stderr, "p11floor: socket path too long: %s\n", path);
        exit(1);
    }
    memset(address, 0, sizeof *address);
    address->sun_family = AF_UNIX;
    strcpy(address->sun_path, path);
    return socket(AF_UNIX, SOCK_STREAM, 0);
}

/* One message: its 12-byte header (call code, options length, body length) and the rest. NULL at the end. */
static char *read_message(int fd, size_t *length) {
    uint32_t header[3];
    if (read_fully(fd, header, sizeof header) != 0) {
        return NULL;
    }
    size_t rest = (size_t) ntohl(header[1]) + ntohl(header[2]);
    if (rest > 16u * 1024 * 1024) {
        return NULL;
    }
    char *message = malloc(sizeof header + rest);
    if (message == NULL) {
        return NULL;
    }
    memcpy(message, header, sizeof header);
    if (read_fully(fd, message + sizeof header, rest) != 0) {
        free(message);
        return NULL;
    }
    *length = sizeof header + rest;
    return message;
}

static void serve(int client, const char *daemon_path) {
    struct sockaddr_un address;
    int daemon = unix_socket(daemon_path, &address);
    if (connect(daemon, (struct sockaddr *) &address, sizeof address) != 0) {
        perror("p11floor: connect to the daemon");
        close(client);
        return;
    }
    char *answers[KEPT] = {NULL};
    size_t answer_lengths[KEPT] = {0};
    char version;
    if (read_fully(client, &version, 1) == 0 && write_fully(daemon, &version, 1) == 0
            && read_fully(daemon, &version, 1) == 0 && write_fully(client, &version, 1) == 0) {
        size_t length;
        char *request;
        while ((request = read_message(client, &length)) != NULL) {
            uint32_t options = ntohl(((uint32_t *) request)[1]), body = ntohl(((uint32_t *) request)[2]);
            uint32_t call = 0;
            if (body >= 4) {
                memcpy(&call, request + 12 + options, 4);
                call = ntohl(call);
            }
            int kept = kept_index(call);
            if (kept >= 0 && answers[kept] != NULL) {
                memcpy(answers[kept], request, 4); /* the answer echoes the request's call code */
                free(request);
                if (write_fully(client, answers[kept], answer_lengths[kept]) != 0) {
                    break;
                }
                continue;
            }
            int sent = write_fully(daemon, request, length);
            free(request);
            char *answer = sent == 0 ? read_message(daemon, &length) : NULL;
            if (answer == NULL || write_fully(client, answer, length) != 0) {
                free(answer);
                break;
            }
            if (kept >= 0) {
                answers[kept] = answer;
                answer_lengths[kept] = length;
            } else {
                free(answer);
            }
        }
    }
    for (int i = 0; i < KEPT; i++) {
        free(answers[i]);
    }
    close(daemon);
    close(client);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: p11floor LISTEN_SOCKET DAEMON_SOCKET\n");
        return 2;
    }
    struct sockaddr_un address;
    int listener = unix_socket(argv[1], &address);
    unlink(argv[1]);
    if (bind(listener, (struct sockaddr *) &address, sizeof address) != 0 || listen(listener, 4) != 0) {
        perror("p11floor: listen");
        return 1;
    }
    for (;;) {
        int client = accept(listener, NULL, NULL);
        if (client >= 0) {
            serve(client, argv[2]);
        }
    }
}
