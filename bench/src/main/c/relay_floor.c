/*
 * relay_floor: what the kernel alone charges a UDP relay per packet on this machine's loopback, and what
 * recvmmsg/sendmmsg batching would save. Not part of the build; see bench/README.md ("Media relay").
 *
 *   gcc -O2 -o /tmp/relay_floor bench/src/main/c/relay_floor.c
 *   /tmp/relay_floor <batch> <packets> <packets/s> [burst]
 *
 * The "bridge" (pinned to CPU 0) receives on one socket and forwards every packet to two destinations (the other
 * party and a console), as the media bridge does: batch 1 = recv + two sendto per packet (what the bridge does
 * today); batch > 1 = recvmmsg of up to that many, then one sendmmsg per destination. The "driver" (a child on
 * CPU 1) sends 1,150-byte packets in bursts (default 11: one 30 fps video frame at ~3 Mbit/s), paced to the rate,
 * and drains both destinations without sleeping. The bridge's user and system time come from getrusage.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_BATCH 32
#define PACKET 1150

static struct sockaddr_in loopback(int port) {
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

static int bound(int port) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    int size = 4 << 20;
    setsockopt(s, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    struct sockaddr_in a = loopback(port);
    if (bind(s, (struct sockaddr *) &a, sizeof a) != 0) {
        perror("bind");
        exit(1);
    }
    return s;
}

static void pin(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static double seconds(struct timeval t) {
    return t.tv_sec + t.tv_usec / 1e6;
}

static char buffers[MAX_BATCH][1500];
static struct iovec vectors[MAX_BATCH];

static void messages(struct mmsghdr *m, struct sockaddr_in *to) {
    for (int i = 0; i < MAX_BATCH; i++) {
        memset(&m[i], 0, sizeof m[i]);
        vectors[i].iov_base = buffers[i];
        vectors[i].iov_len = sizeof buffers[i];
        m[i].msg_hdr.msg_iov = &vectors[i];
        m[i].msg_hdr.msg_iovlen = 1;
        if (to != NULL) {
            m[i].msg_hdr.msg_name = to;
            m[i].msg_hdr.msg_namelen = sizeof *to;
        }
    }
}

static void drive(int in_port, int out_a, int out_b, long total, int rate, int burst) {
    pin(1);
    int tx = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in bridge = loopback(in_port);
    connect(tx, (struct sockaddr *) &bridge, sizeof bridge);
    char packet[PACKET];
    memset(packet, 7, sizeof packet);
    struct mmsghdr drain[MAX_BATCH];
    messages(drain, NULL);
    double start = now();
    for (long sent = 0; sent < total;) {
        for (int k = 0; k < burst; k++, sent++) {
            send(tx, packet, sizeof packet, 0);
        }
        do {
            while (recvmmsg(out_a, drain, MAX_BATCH, MSG_DONTWAIT, NULL) > 0) {
            }
            while (recvmmsg(out_b, drain, MAX_BATCH, MSG_DONTWAIT, NULL) > 0) {
            }
        } while (now() < start + (double) sent / rate);
    }
    usleep(200000);
    exit(0);
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s <batch 1..%d> <packets> <packets/s> [burst]\n", argv[0], MAX_BATCH);
        return 2;
    }
    int batch = atoi(argv[1]);
    long total = atol(argv[2]);
    int rate = atoi(argv[3]);
    int burst = argc > 4 ? atoi(argv[4]) : 11;
    if (batch < 1 || batch > MAX_BATCH || total < 1 || rate < 1 || burst < 1) {
        fprintf(stderr, "batch must be 1..%d; packets, rate and burst positive\n", MAX_BATCH);
        return 2;
    }
    int in = bound(40000), out_a = bound(40001), out_b = bound(40002);
    pid_t driver = fork();
    if (driver == 0) {
        drive(40000, out_a, out_b, total, rate, burst);
    }
    pin(0);
    struct sockaddr_in party = loopback(40001), console = loopback(40002);
    struct mmsghdr received[MAX_BATCH], to_party[MAX_BATCH], to_console[MAX_BATCH];
    messages(received, NULL);
    messages(to_party, &party);
    messages(to_console, &console);
    struct timeval idle = {1, 0}; /* the run ends when nothing came for a second */
    setsockopt(in, SOL_SOCKET, SO_RCVTIMEO, &idle, sizeof idle);

    long packets = 0, calls = 0;
    struct rusage before, after;
    getrusage(RUSAGE_SELF, &before);
    double start = now();
    for (;;) {
        if (batch == 1) {
            ssize_t n = recv(in, buffers[0], sizeof buffers[0], 0);
            if (n < 0) {
                break;
            }
            sendto(in, buffers[0], n, 0, (struct sockaddr *) &party, sizeof party);
            sendto(in, buffers[0], n, 0, (struct sockaddr *) &console, sizeof console);
            packets++;
        } else {
            int n = recvmmsg(in, received, batch, MSG_WAITFORONE, NULL);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                to_party[i].msg_hdr.msg_iov->iov_len = received[i].msg_len;
            }
            sendmmsg(in, to_party, n, 0); /* the same iovecs: each forwards what was received */
            sendmmsg(in, to_console, n, 0);
            for (int i = 0; i < n; i++) {
                vectors[i].iov_len = sizeof buffers[i];
            }
            packets += n;
        }
        calls++;
    }
    getrusage(RUSAGE_SELF, &after);
    double wall = now() - start - 1.0;
    double user = seconds(after.ru_utime) - seconds(before.ru_utime);
    double sys = seconds(after.ru_stime) - seconds(before.ru_stime);
    printf("batch %2d, burst %2d: %ld packets in, %.1f per receive call, %.0f packets/s; bridge %.2f us per packet in"
           " (user %.2f, system %.2f), its core %.0f %% busy\n", batch, burst, packets, (double) packets / calls,
           packets / wall, (user + sys) * 1e6 / packets, user * 1e6 / packets, sys * 1e6 / packets,
           (user + sys) / wall * 100);
    waitpid(driver, NULL, 0);
    return 0;
}
