#ifndef HULL_CZLIB_SHIM_H
#define HULL_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro; Swift cannot call macros, so wrap it. */
static inline int hull_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
