/*
 * What this machine charges for the kinds of work the ingest path does most: a system call, a hand-off between
 * two processes (two context switches), and a durable 8 kB write. bench/machine compiles and runs it; see
 * bench/README.md ("Machine costs").
 *
 *   costs FILE    FILE: where the 8 kB writes go (on the database's disk)
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: costs FILE\n");
        return 2;
    }
    const int calls = 1000000;
    double start = seconds();
    for (int i = 0; i < calls; i++) {
        syscall(SYS_getppid);
    }
    printf("system call (getppid): %.0f ns\n", (seconds() - start) / calls * 1e9);

    int there[2], back[2];
    if (pipe(there) || pipe(back)) {
        perror("pipe");
        return 1;
    }
    const int trips = 100000;
    char byte = 'x';
    pid_t echo = fork();
    if (echo == 0) {
        for (int i = 0; i < trips; i++) {
            if (read(there[0], &byte, 1) != 1 || write(back[1], &byte, 1) != 1) {
                _exit(1);
            }
        }
        _exit(0);
    }
    start = seconds();
    for (int i = 0; i < trips; i++) {
        if (write(there[1], &byte, 1) != 1 || read(back[0], &byte, 1) != 1) {
            perror("pipe round trip");
            return 1;
        }
    }
    double elapsed = seconds() - start;
    waitpid(echo, NULL, 0);
    printf("round trip between two processes over pipes: %.1f us\n", elapsed / trips * 1e6);

    int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        perror(argv[1]);
        return 1;
    }
    static char page[8192];
    enum { WRITES = 500 };
    double took[WRITES];
    for (int i = 0; i < WRITES; i++) {
        start = seconds();
        if (pwrite(fd, page, sizeof page, (off_t) (i % 128) * (off_t) sizeof page) != sizeof page || fdatasync(fd)) {
            perror("write + fdatasync");
            return 1;
        }
        took[i] = (seconds() - start) * 1e3;
    }
    close(fd);
    unlink(argv[1]);
    qsort(took, WRITES, sizeof took[0], by_value);
    printf("8 kB write + fdatasync: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", took[WRITES / 2],
           took[WRITES * 99 / 100], took[WRITES - 1]);
    return 0;
}
