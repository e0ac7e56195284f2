#ifndef HULL_CZSTD_SHIM_H
#define HULL_CZSTD_SHIM_H
#include <zstd.h>
#endif
