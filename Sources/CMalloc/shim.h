// glibc's malloc tuning (mallopt), for the hub process's arena cap.
#include <malloc.h>
