package kz.sailau.fingerprint.emulator;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * The few C library calls a pseudo-terminal needs (POSIX.1-2008 posix_openpt, grantpt, unlockpt, ptsname_r;
 * termios tcgetattr / cfmakeraw / tcsetattr; fcntl, poll, read, write, close). Linux values for the flag
 * constants (asm-generic/fcntl.h, asm-generic/poll.h).
 */
interface PosixTerminalLibrary extends Library {

    /** open(2) flag: read and write. */
    int O_RDWR = 0x2;
    /** open(2) flag: do not become the controlling terminal. */
    int O_NOCTTY = 0x100;
    /** open(2) flag: non-blocking I/O. */
    int O_NONBLOCK = 0x800;
    /** fcntl(2) command: get file status flags. */
    int F_GETFL = 3;
    /** fcntl(2) command: set file status flags. */
    int F_SETFL = 4;
    /** tcsetattr(3) action: apply now. */
    int TCSANOW = 0;
    /** poll(2) event: data to read. */
    short POLLIN = 0x1;
    /** poll(2) event: writing will not block. */
    short POLLOUT = 0x4;
    /** poll(2) event: error. */
    short POLLERR = 0x8;
    /** poll(2) event: hang-up (no slave open). */
    short POLLHUP = 0x10;
    /** errno: try again. */
    int EAGAIN = 11;
    /** errno: interrupted system call. */
    int EINTR = 4;
    /** errno: input/output error (master reads it while no slave is open). */
    int EIO = 5;
    /** Bytes reserved for a struct termios; larger than any libc's (60 on Linux glibc). */
    int TERMIOS_BYTES = 256;

    /** The C library, loaded once. */
    PosixTerminalLibrary C = Native.load("c", PosixTerminalLibrary.class);

    int posix_openpt(int flags) throws LastErrorException;

    int grantpt(int fd) throws LastErrorException;

    int unlockpt(int fd) throws LastErrorException;

    int ptsname_r(int fd, byte[] buffer, NativeLong length);

    int tcgetattr(int fd, byte[] termios) throws LastErrorException;

    void cfmakeraw(byte[] termios);

    int tcsetattr(int fd, int action, byte[] termios) throws LastErrorException;

    int fcntl(int fd, int command, int argument) throws LastErrorException;

    int poll(byte[] pollFds, NativeLong count, int timeoutMillis) throws LastErrorException;

    NativeLong read(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

    NativeLong write(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

    int close(int fd) throws LastErrorException;
}
