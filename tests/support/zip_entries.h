// The entries of a zip held in memory, for tests that look inside bundles.
#pragma once
#include <zip.h>

#include <catch2/catch.hpp>
#include <map>
#include <string>

namespace casfolio::test {

// Every entry of a zip held in memory, nested zips opened too: path -> bytes.
inline void read_zip(const std::string& bytes, const std::string& prefix, std::map<std::string, std::string>& out) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(src);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
  REQUIRE(z);
  for (zip_int64_t i = 0, n = zip_get_num_entries(z, 0); i < n; ++i) {
    zip_stat_t st;
    REQUIRE(zip_stat_index(z, i, 0, &st) == 0);
    std::string name = prefix + st.name;
    std::string data(st.size, '\0');
    zip_file_t* f = zip_fopen_index(z, i, 0);
    REQUIRE(f);
    if (st.size) REQUIRE(zip_fread(f, data.data(), st.size) == zip_int64_t(st.size));
    zip_fclose(f);
    if (name.ends_with(".zip"))
      read_zip(data, name + "!/", out);
    else
      out[name] = std::move(data);
  }
  zip_close(z);
  zip_error_fini(&error);
}

}  // namespace casfolio::test
