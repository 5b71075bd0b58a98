//! Property names of the LEX 1.0 JSON Schemas grouped by their JSON type (names and types
//! only, extracted once from `schemas/*.json` of the standard). The tolerant XML reader uses them
//! to type untyped leaves, to recognise wrapper arrays and to match PascalCase element names;
//! the writer uses the same predicates so that its output never triggers a heuristic.

/// Properties whose schema type is `array`.
pub(super) const ARRAYS: &str = "\
    accessories accessoryClosures actionsTaken addresses allowedRecipients assetClasses \
    behavioralSignals blockedRecipients bonusIncentives cartItems certifications channelAffinity \
    chargePorts childLeadClosures colorPreferences competitorMentions connectivity \
    connectivityFeatures contingencies conversionPath crossPlatformIds deliveryMethods \
    deliverySchedule desiredColor dmsIds eligibleCompetitors engines enrichmentSources entries \
    environmentalCertifications errors eventTypes excludedRegions extensions featurePreferences \
    features geographies imeiNumbers installationRequirements installedOptions \
    intentClassifications jurisdictionCodes keyTopics lastThreeCargoNames leadHistory \
    leadSources leadStatuses lineItems majorComponentHistory manufacturerIds manufacturers \
    nextBestActions nextSteps objections openQuestions optimalContactTimes ownershipChain \
    phoneNumbers predictedProducts preferredModels priceInclusions productTypes progressPayments \
    protectionPlanClosures protectionPlans purposeCodes recurringADs regions regulatoryApprovals \
    relatedLeadIds relatedOrderIds retailerIds retailerInstalledOptions scoringReasons \
    securityCertificationRequirements serviceUpgrades softwareLicensePortability specificOptions \
    statesOptedOut structuredNotes subscriptionClosures subscriptions \
    supplementalTypeCertificates supportedBlocks supportedExtensionNamespaces supportedFormats \
    supportedMessageTypes sustainabilityRequirements unitSpecifications unsupportedBlocks \
    vehicleModels violations";

/// Properties whose schema type is `integer` or `number`.
pub(super) const NUMBERS: &str = "\
    accessoriesCount acquisitionFee affinityScore amount annualMileageLimit \
    appliedIncentivesTotal assetYear attemptNumber axleLoadTonnes backoffMs basePrice batchSize \
    batchTimeoutMs batteryCapacity batteryCapacityKwh batteryCapacityMah batteryCapacityWh \
    batteryHealthPct bucketCapacityM3 budgetMax budgetMin buildYear buyingWindowDays \
    cabinRefurbishmentEstimatedCostUsd capCostReduction captiveSubventionAmount carCount \
    cargoCapacityTeu cartValue chargingTimeHours chargingTimeTo80PctMinutes cltc co2Emission \
    confidence confidenceScore coveragePeriod coverageTermMonths crossSellConversionRate \
    cruiseSpeedKph currentMonthUsage currentOwnerHours customerSatisfactionRating cyclesSinceNew \
    cyclesSinceOverhaul dataFreshnessDays daysInStock deadweightTonnage dealAmount \
    dealLineageSeq dealerQualityScore deductible deduplicationWindowHours deduplicationWindowMs \
    deficiencyCountLast36Months designLifeYears detentionsLast36Months discountAmount \
    displacement doors downPayment downPaymentCapacity downPaymentPct duration energyStorageKwh \
    engineCount engineDisplacementCc enginePowerKw epa estimatedMonthlyPayment estimatedPrice \
    estimatedRangeKm estimatedTradeInValue estimatedValue evInterestScore evaluationUnits \
    eventsPerDay eventsPerHour eventsPerSecond existingFleetSize expirySmu federalCreditUsd \
    finalPrice financingAmount financingLikelihood fleetSize formCompletionTime \
    freightCapacityM3 fuelConsumptionMtPerDay fuelEfficiency fuelTankCapacity grossTonnage \
    hoaSpecialAssessmentAmount homeChargerKw hourUtc hubHeightM idleHoursRatio idlersWearPct \
    initialDuration installationTime installedValue intentScore interactionCount intervalHours \
    itemPrice jc08 jobSiteAltitude latitude leadLifecycleDays leadQualityScore leadVersion \
    leaseTerm lengthOverallM liftCapacityKg loadCapacityKg loanTerm longitude \
    magneticFieldStrengthT massKg maxAcChargingKw maxAgeSeconds maxAttempts maxDcChargingKw \
    maxDiggingDepthM maxLoanAmount maxMessageSizeKb maxRange maxReachM maxRetentionDays \
    maxRetries maxSpeedKph maxTakeoffWeightKg maxVehicleMsrp minFicoScore minimumLeadValue \
    minimumRetainedCapacityPct moneyFactor monthlyEventLimit monthlyPayment \
    monthlyPaymentCapacity monthlyPaymentOption monthlyPrice monthlyResetDate motorPowerW \
    nearestDcFastChargerKm nearestL2ChargerKm negotiatedPrice netCapCost netTradeIn \
    nextCheckDueHours npsScore offeredApr openCount operatingHours operatingWeightKg panelCount \
    panelEfficiencyPct passengerCapacity payloadCapacityTonnes payloadTonnes paymentPct \
    perUnitMonthlyFee percentageOfSalePrice policyYear power powerRequirementsKva powerW \
    preApprovalAmount preferredMonthlyPayment price primaryProductPrice processingTime \
    protectionPlansCount quantity ramGb rank rate ratedPowerKw reportedAccidentCount \
    reportingYear residualValuePercent retailerOptionsCount retentionLimitDays \
    retentionPeriodDays retryCount rideModesCount rotorDiameterM screenSizeInches \
    seaStateBeaufort seatingCapacity seats sentimentScore seq showroomVisits signalCount \
    smuAtEvent sprocketsWearPct standardApr stateCreditUsd stockQuantity storageGb \
    subscriptionsCount subsidyAmount termMonths testDrivesCompleted timeSinceNewHours \
    timeSinceOverhaulHours timeoutMs torque totalAccessoriesPrice totalBudgetCap totalDealValue \
    totalEngineHours totalFlightHours totalLandings totalMachineHours totalOutOfPocket \
    totalProtectionPlansPrice totalRetailerOptionsPrice totalRunningHours \
    totalSubscriptionInitialPrice totalTaxesAndFees trackGaugeMm trackLinksWearPct \
    trackShoesWearPct tradeInAllowance tradeInLikelihood tradeInMileage tradeInPayoff \
    tradeInPayoffAmount tradeInPreviousOwnerCount tradeInValue tradeInYear unitBudgetCapUsd \
    unitLengthM unitsToOrder usableBatteryCapacityKwh validityPeriod vehiclePrice \
    vehicleWeightKg voltageRatingKv warrantedSpeedKnots warrantyKm warrantyPeriod warrantyYears \
    weight weighting wltp year";

/// Properties whose schema type is `boolean`.
pub(super) const BOOLEANS: &str = "\
    aiGeneratedContentPresent airConditioned airbagDeployment analyticsAllowed archiveOnClosure \
    asIsSale auditRequired autoRenewal batchOnly bindingCommitment bulkLicensingAvailable \
    ccpaCompliant conflictMineralsComplianceRequired consentGiven consentGranted \
    crossBorderTransferApproved crossBorderTransferConsent dataSubjectRightsNotified deduplicate \
    deleteOnClosure doNotCallRegistryChecked emailMarketing employeeDiscountStackable \
    encryptionValid enterpriseSecurityCertified escrowRequired explainabilityAvailable \
    exportLicenseRequired expressWrittenConsent extendedSupportAvailable \
    extendedWarrantyAvailable financingUsed floodInsuranceRequired frameOrStructuralDamage \
    gdprCompliant globalPrivacyControlHonored governmentEntity governmentSubsidyApplied \
    governmentSubsidyEligible gpcHonored hasHomeCharger hasOutstandingClaims hipaaCompliant \
    hoaPendingLitigation hoaSpecialAssessment humanReviewRequired impliedConsent \
    includeAuditTrail includePayload interestedInInstallation iotConnected isActive isEstimate \
    isFleet isImplantable isMissionCritical isPrimary isRetryable isValid leadPaintPre1978 \
    mdmEnrolled mixedConfigAllowed multipleUnitCompatible needsFinancing newVehicleOnly optedOut \
    passed phoneMarketing postalMarketing preferred preferredSupplierStatus primary \
    purchaseConfirmed quebecLaw25Applicable realtimeCapable requested requiresPriorOwnership \
    senderAuthenticated sensitiveDataIncluded signatureVerified smsMarketing telematics \
    testDriveAvailable testMode thirdPartyProvisionConsent thirdPartySharing titleSeasoningFlag \
    tradeInAccepted tradeInVehicleOffered trainingDataAllowed transferable \
    undergroundStorageTank universalOptOut vehicleToGridCapable vehicleToLoadCapable \
    viewingAvailable wasRentalFleet withdrawalAvailable";

/// Properties whose schema type is `string`.
pub(super) const STRINGS: &str = "\
    absType acLevel accessoryCategory accessoryId accessoryLeadId accessoryName acknowledgmentId \
    action actionCode actualDeliveryDate adNetwork adNumber addressType ageRange aiDecisionScope \
    aircraftCategory airworthinessCertificate algorithm analyzedAt approvalHolder asOf assetId \
    assetMake assetModel assetSerialNumber assetTagId assetType assignedAt \
    attachmentCouplerStandard authorId authorRole avionicsStandard backoffStrategy basis \
    batteryChemistry bestTime billingFrequency biosLockStatus blacklistCheckDate body bodyStyle \
    bodyType brakeType browser budgetApprovalStatus budgetRange budgetYear \
    buyerRepresentationAgreementStatus buyerType cabinRefurbishmentStatus cabinWidth \
    calculatedAt calculatedBy campaignCode campaignName captiveOrg carrierLockStatus category \
    certificateId changedBy channel chargingType charterType checkType childLeadId \
    childLeadStatus childLeadType churnRisk city classNotation classificationSociety \
    cleanlinessStatus closureDate closureReason clubName color companyName \
    companyRegistrationNumber companySize competitor completedDate componentType condition \
    conditionGrade confidenceLevel configurationCode conformanceLevel consentIpAddress \
    consentSource consentTimestamp consentVersion context contractType correlationId \
    cosmeticGrade country countryCode coverageDetails coveredBy createdBy createdBySystem \
    createdDate creditScore creditTier creditTierRequired currency currencyCode \
    customerChargingAnxiety customerFingerprint customerId dataControllerCnpj dataControllerName \
    dataCustodian dataOwner dayOfWeek deadline dealStructure dealerId dealerNotes declaredAt \
    declaredBy deduplicationPolicy defenseCategory deliveryCondition delta department \
    description destination detectedLanguage deviceCategory deviceOS deviceType direction \
    disclaimer discountReason driveType drivetrainType dueDate duplicateOfLeadId dutyCycle \
    earliestDate eligibilityNotes email emailAddress emissionNorm encryptionMethod \
    energyCategory engineModel engineSerial engineType equipmentCategory error \
    estimatedCustomerLocation estimatedDeliveryDate estimatedValueBasis evaluatedAt evaluatedBy \
    eventDate eventType evergreenRefreshThreshold evergreenRefreshTrigger exchangeType \
    existingRelationship expiresAt expiryDate exportControlClassification exportCreditAgency \
    exterior externalLeadId factor factoryOrderPreference feature field fieldChanged fieldOfView \
    financingType firstName fleetManagerEmail fleetManagerName formName forwardingPolicy \
    frameworkContractId frequency fuelType generatedAt governanceVersion gridConnectionType \
    gsmaBlacklistStatus hullMaterial icaoAircraftCategory icaoTypeDesignator iceClass \
    icoRegistrationNumber imei imoNumber industryCode inspectionDate inspectionReport \
    installationLocation installationType intendedCargoType intendedDisposition \
    intendedTradingArea intendedUse intent interior interiorColor internationalDesignator \
    issuingAuthority itemDescription label language lastAttemptTimestamp lastCargo \
    lastDrydockDate lastFailureReason lastInspectionDate lastInspectionPort lastModified \
    lastName lastServiceDate lastStatusUpdate lastUpdated latestDate launchDate leadClosureDate \
    leadCreatedDate leadEntryMethod leadId leadQualityTier legalBasis lenderName lexVersion \
    licenseType loanType maintenanceCycleStatus make manufacturer manufacturerSerialNumber \
    marketingSource messageId messageType method milestoneDescription model modelId modelVersion \
    motorType mroFacility name namespace naturalHazardZone nextAttemptTimestamp nextCheckDueDate \
    nextComplianceDate nextDrydockDueDate nextRetryTime nextServiceDue noradId noteId notes \
    number occupancyStatus occupationType odometerStatus odometerUnit offerValidUntil onExpiry \
    operatingSystem operatorCertificate optionId optionName orbitType orchestrator \
    orderPlacedDate organisationId originDate originSourceId originType originalLeadId \
    originalMessageId originalMessageType originalSourceURL originalTimestamp osEolDate \
    osVersion owner pageTitle parentLeadId parentOrderId parentOrderStatus parkingType \
    partNumber payloadBandwidth payloadFormat performingVendor performingWorkshop \
    periodInFleetService phone phoneCountryCode phoneNumber pin planId planLeadId planName \
    planType platformDesignation platformName portLocation position postalCode preApprovalDate \
    preferredBatchInterval preferredChannel preferredContactMethod preferredContactTime \
    preferredDeliveryWindow priceRangeFit primaryUsageType priority processingPurpose \
    processorModel procurementMethodology procurementReference procurementType producedAt \
    producer productLine programCode programEnrollment programExpiresAt programId programName \
    programType programVersion projectReference promptVersion propulsionType provider province \
    publicFundingProgram pullDate purchaseTimeline purpose purposeDescription purposeLimitation \
    radioType rating rationale reason receivedAt receiverId receiverName recommendedResponseSla \
    recordedAt referrerURL refreshedAt region regulatoryClass regulatoryStatus relatedNoteId \
    relatedOrderId relativeTo rentalFleetOwner replyTo reportReferenceId reportType \
    responsiblePartyName role rule saleType sanitizationDate schemaUri scoreGrade scoreTrend \
    scoredAt seatingConfiguration senderId senderName senderType sentiment serialNumber \
    serialNumberFormat serviceDescription serviceTag serviceType sessionId severity \
    signatureAlgorithm signedBy sku snapshotTimestamp softwareTitle softwareVersion source \
    sourceTranscriptId sourceURL spaceCategory specialSurveyDueDate specificPage speedBasis \
    staffId stage standard state status statusReason stcNumber storageStatus street street1 \
    street2 subChannel subject submissionDayOfWeek submissionTimezone subscriberId \
    subscriberName subscriberType subscriptionId subscriptionLeadId subscriptionName \
    subscriptionType suggestion summary surveyCompany surveyType suspensionType systemId \
    systemType tailNumber targetDate targetLocation taxCalculationVersion \
    taxIdentificationNumber telematicsPlatform tenantsLeaseEndDate tenderReference \
    testDriveCompletedDate testDriveNotes testDriveRequestedDate testDriveVehicleVIN \
    tierEmissionLevel timestamp timezone title tractionType tradeInCondition tradeInMake \
    tradeInModel tradeInOdometerStatus tradeInTitleStatus trainingDataCutoff transmission trim \
    type udiCode uicFleetNumber undercarriageType unitType updatedDate upgradeId upgradeName \
    urgency utmCampaign utmContent utmMedium utmSource utmTerm validUntil value verificationId \
    vesselType vin violation visibility warrantyDetails warrantyProvider warrantyType \
    waterResistanceRating websiteUrl";

/// Properties whose schema type is `object`.
pub(super) const OBJECTS: &str = "\
    acknowledgment aiGovernance aiInsights aircraft appi asset authentication aviationLead \
    batteryWarranty businessRuleValidation buyingIntention captiveFinance ccpa \
    chargingInfrastructureAwareness ciiRating closureDetail complianceFlags consentRecord \
    conversationInsights coordinates credentials crossSellMetrics customFields customFilters \
    customer customerOutcome dataChanged dataGovernance dataSanitizationRecord dealLineage \
    dealSnapshot dealerAvailability deduplication defenseAsset deltaFromPrevious desiredProduct \
    detailedWarrantyStatus details dpdp drydockSchedule eligibility energyAsset \
    environmentalCompliance estimatedRange evSpecifications filters financialSummary financing \
    fleetBuyer fleetOrder gdpr generatedBy groundVehicle header headers heavyEquipment \
    heavyEquipmentLead hierarchyData homeChargingInterest homeWarrantyRequest \
    importExportJurisdiction inventoryOfHazardousMaterials lastCargoDetails \
    lastHeavyMaintenanceCheck lead leadAncestry leadClosure leadIntelligence leaseTerms lex lgpd \
    linkedTo managementSystemData manufacturerData maritimeLead marketing medicalDevice metrics \
    mileage modelMetadata motorcycle nfadp notificationPreferences openAirworthinessDirectives \
    organizationBuyer partExchange payload pdpaSg pdpaTh pdplSa pipaKr pipeda pipl platformData \
    pniClub popia portStateControlRecord preApprovalDetails priceOffer pricing \
    procurementContact procurementFinancing propertyDisclosures purchaseTimeframe \
    purchasedProduct quotas railAsset rateLimit realEstateLead recipientDetails relatedLeads \
    relatedProducts rentalFleetHistory retailFinance retailerData retailerNetworkData \
    retentionPolicy retryContext retryInformation retryPolicy schemaValidation \
    securityValidation sellerConcessions sourceDetail spaceAsset speedConsumptionWarranty \
    subscription systemCapabilities taxCreditEligibility taxesAndFees tcpa technologyDevice \
    technologyLead tradeIn tradeInAccidentHistory tradeInVehicleHistoryReport ttl \
    typeSpecificAttributes typeSpecificPreferences ukGdpr undercarriageWear usStatePrivacy \
    validationResults vehiclePreferences warranty watercraft";

/// Properties with different types in different places (typed by inference).
pub(super) const AMBIGUOUS: &str = "\
    assignedTo data engine odometer rangeKm signature version";
