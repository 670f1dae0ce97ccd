// One build at a time into an output folder. Two `casfolio build`s into the
// same --out (a coordinator's cron job and a manual run) would otherwise
// race: an incremental build links unchanged files from the site the other
// one is replacing. The lock is flock(2) on the output's parent folder, so
// it leaves no file behind, and the kernel drops it if the process dies.
#pragma once
#include <functional>
#include <string>

namespace casfolio {

class OutputLock {
 public:
  // Blocks until no other casfolio holds the lock for `out_dir`'s folder;
  // calls `waiting` once first if it has to wait. Creates the parent
  // folder when missing. held() is false when the folder cannot be opened
  // or locked (a file system without flock): the build goes on unlocked.
  explicit OutputLock(const std::string& out_dir, const std::function<void()>& waiting = {});
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

}  // namespace casfolio
