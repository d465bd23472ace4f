// Copyright 2026 The cfnx Authors.
// SPDX-License-Identifier: Apache-2.0
//
// E3673: an EC2 instance is launched from an image: its own ImageId, or its launch template's
// LaunchTemplateData.ImageId:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-instance.html#cfn-ec2-instance-imageid

#include "resources/service_rules.h"

namespace cfnx {
namespace {

// The AWS::EC2::LaunchTemplate resource a LaunchTemplateId/Name refers to (Ref or GetAtt), or
// nullptr when it names one by a literal or a parameter (which may well have an image).
const Resource* TemplateResource(const Template& t, const Node* v) {
  const auto* fn = dyn_cast<FnCallNode>(v);
  if (fn == nullptr)
    return nullptr;
  const Resource* target = nullptr;
  if (fn->fn() == FnKind::kRef) {
    if (const auto* name = dyn_cast<StringNode>(fn->args()))
      target = t.FindResource(name->value());
  } else if (fn->fn() == FnKind::kGetAtt) {
    const auto* list = dyn_cast<ListNode>(fn->args());
    const auto* name = list != nullptr && list->size() == 2 ? dyn_cast<StringNode>(list->items()[0])
                                                            : dyn_cast<StringNode>(fn->args());
    if (name != nullptr)
      target = t.FindResource(name->value().substr(0, name->value().find('.')));
  }
  return target != nullptr && target->type == "AWS::EC2::LaunchTemplate" ? target : nullptr;
}

bool TemplateHasImage(const Resource& lt) {
  const auto* props = dyn_cast<MapNode>(lt.properties);
  const auto* data =
      props != nullptr ? dyn_cast<MapNode>(props->Get("LaunchTemplateData")) : nullptr;
  // Anything but a literal map (an Fn::If, say) may hold an image.
  return props == nullptr || (props->Get("LaunchTemplateData") != nullptr && data == nullptr) ||
         (data != nullptr && data->Get("ImageId") != nullptr);
}

}  // namespace

void CheckInstanceImageId(const Template& t, const Resource& r, DiagnosticSink& diags) {
  if (r.type != "AWS::EC2::Instance")
    return;
  const auto* props = dyn_cast<MapNode>(r.properties);
  if (props == nullptr || props->Get("ImageId") != nullptr)
    return;
  if (const Node* lt = props->Get("LaunchTemplate")) {
    const auto* map = dyn_cast<MapNode>(lt);
    if (map == nullptr)
      return;
    const Node* id = map->Get("LaunchTemplateId");
    const Resource* target =
        TemplateResource(t, id != nullptr ? id : map->Get("LaunchTemplateName"));
    if (target == nullptr || TemplateHasImage(*target))
      return;
  }
  const MapEntry* entry = r.node->Find("Properties");
  diags.Report(DiagCode::kE3673, entry->key->range(),
               TemplatePath{"Resources", r.logical_id, "Properties"},
               "'ImageId' is a required property: neither the instance nor its launch template "
               "names an image.");
}

}  // namespace cfnx
