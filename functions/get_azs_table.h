// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// The Availability Zones of every region cfnx knows (generated table, see
// scripts/gen_az_table.py for its provenance), sorted by region name.

#ifndef CFNX_FUNCTIONS_GET_AZS_TABLE_H_
#define CFNX_FUNCTIONS_GET_AZS_TABLE_H_

#include <string_view>
#include <vector>

namespace cfnx {

struct RegionZones {
  std::string_view region;
  std::vector<std::string_view> zones;
};

const std::vector<RegionZones>& RegionZoneTable();

}  // namespace cfnx

#endif  // CFNX_FUNCTIONS_GET_AZS_TABLE_H_
