#ifndef HULL_CHULLSYSTEM_SHIM_H
#define HULL_CHULLSYSTEM_SHIM_H
/* System calls the C library does not declare for Swift. Header only: nothing to link. */
#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>

/* getdents64(2) on an open directory: fills `buffer` with `struct linux_dirent64` records
   (d_ino u64, d_off s64, d_reclen u16, d_type u8, NUL-terminated d_name) and returns the bytes
   written, 0 at the end of the directory, or -1 with errno set. */
static inline long hull_getdents64(int fd, void *buffer, unsigned long length) {
    return syscall(SYS_getdents64, fd, buffer, length);
}
#endif
#endif
