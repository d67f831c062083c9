// The program's memory allocator. twicetold links mimalloc (Debian's
// libmimalloc) when the build has it: corpus runs allocate an article's
// strings on the reader thread and free them on a worker, and fresh memory
// from the kernel is expensive (a page fault per 4 KiB page; ~10 us each on
// some virtual machines). mimalloc frees across threads without a lock and,
// as configured here, backs its memory with 2 MiB transparent huge pages.
// Only the front end links it: the library never depends on the allocator.
#ifndef TWICETOLD_CLI_ALLOCATOR_H_
#define TWICETOLD_CLI_ALLOCATOR_H_

#include <functional>
#include <string>

namespace twicetold::cli {

// Configures the allocator, then runs `program` and returns what it
// returns. With mimalloc, `program` runs on a new thread: memory the main
// thread took before main() (static initializers) was set up with
// mimalloc's defaults, and a thread's first memory is what it keeps using,
// so the work runs on a thread that starts after the options are set.
// SIGINT and SIGTERM are then blocked in the waiting main thread, so they
// reach `program`'s threads as before (the server waits for them with
// sigwait). `huge_pages`: 2 MiB pages for every thread's memory, right for
// corpus runs (a few threads, much memory each) and wrong for the server
// (dozens of threads holding little: at least 2 MiB each). MIMALLOC_*
// environment variables the user set are left alone.
int RunWithAllocator(bool huge_pages, const std::function<int()>& program);

// "mimalloc 2.0.9, large pages" or "system malloc", for --version.
std::string AllocatorDescription();

}  // namespace twicetold::cli

#endif  // TWICETOLD_CLI_ALLOCATOR_H_
